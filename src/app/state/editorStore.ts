/**
 * The manifest editor's text, outside the component so autosave, export and share
 * can read it and a restored scenario can put it back.
 */
import { create } from 'zustand';

export const STARTER_MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: web
  labels:
    app: web
spec:
  containers:
  - name: nginx
    image: nginx:1.27
    ports:
    - containerPort: 80
    resources:
      requests:
        cpu: 100m
        memory: 64Mi
`;

export interface EditorState {
  text: string;
  setText(text: string): void;
}

export const useEditorStore = create<EditorState>((set) => ({
  text: STARTER_MANIFEST,
  setText: (text) => set({ text }),
}));
