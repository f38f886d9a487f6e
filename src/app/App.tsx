import { Banners } from './components/Banners';
import { ClusterPanel } from './components/ClusterPanel';
import { EventsList } from './components/EventsList';
import { Header } from './components/Header';
import { KubectlConsole } from './components/KubectlConsole';
import { ManifestEditor } from './components/ManifestEditor';
import { WorkloadsPanel } from './components/WorkloadsPanel';
import { Inspector } from './inspector/Inspector';
import { LessonsPanel } from './lessons/LessonsPanel';

export function App() {
  return (
    <div className="app">
      <Header />
      <Banners />
      <main className="layout">
        <div className="column main-column">
          <ClusterPanel />
          <WorkloadsPanel />
          <EventsList />
        </div>
        <div className="column side-column">
          <LessonsPanel />
          <Inspector />
          <ManifestEditor />
          <KubectlConsole />
        </div>
      </main>
    </div>
  );
}
