// How kubectl output is coloured in the terminal: stderr red, Warning: yellow, tables untouched.
import { describe, expect, it } from 'vitest';
import { columnsText, commandText, helpText, resultText, safe } from './ansi';

describe('resultText', () => {
  it('keeps table text byte for byte, with CRLF line ends', () => {
    const table = 'NAME    READY   STATUS\nweb-1   1/1     Running\n';
    expect(resultText({ stdout: table, stderr: '', exitCode: 0 })).toBe(
      'NAME    READY   STATUS\r\nweb-1   1/1     Running\r\n',
    );
  });
  it('stderr red, Warning: yellow wherever it comes', () => {
    const out = resultText({
      stdout: 'Warning: spec.x is deprecated\npod/web created\n',
      stderr: 'error: unknown command "frobnicate" for "kubectl"\n',
      exitCode: 1,
    });
    expect(out).toBe(
      '\x1b[33mWarning: spec.x is deprecated\x1b[0m\r\npod/web created\r\n\x1b[31merror: unknown command "frobnicate" for "kubectl"\x1b[0m\r\n',
    );
  });
  it('escape characters in output are shown, not obeyed', () => {
    expect(safe('a\x1b[2Jb')).toBe('a\u241b[2Jb');
    expect(resultText({ stdout: 'x\x1b]0;t\x07\n', stderr: '', exitCode: 0 })).not.toContain('\x1b');
  });
});

describe('commandText', () => {
  it('dim prompt, bold command', () => {
    expect(commandText('kubectl get pods')).toBe('\x1b[2m$ \x1b[0m\x1b[1mkubectl get pods\x1b[0m\r\n');
  });
});

describe('columnsText', () => {
  it('lists candidates down the columns like bash', () => {
    expect(columnsText(['a', 'bb', 'c', 'd'], 8)).toBe('a   c\r\nbb  d\r\n');
    expect(columnsText([], 80)).toBe('');
  });
});

describe('helpText', () => {
  it('aligns the described verbs and names the others on one line', () => {
    const verbs = [
      { name: 'get', summary: 'Display' },
      { name: 'events', summary: '' },
      { name: 'rollout', summary: 'Manage' },
      { name: 'taint', summary: '' },
    ];
    expect(helpText('Commands:', verbs, ['tip'], 'Also:')).toBe(
      'Commands:\n\n  get      Display\n  rollout  Manage\n  Also: events, taint\n\ntip\n',
    );
  });
});
