/**
 * wget, curl and nslookup inside a pod. Names resolve through the pod network the
 * kubelet passes in (cluster DNS, Services); a few internet hosts that tutorials fetch
 * from are built in. Messages are busybox's, curl's and bind's own.
 */
import { EXAMPLE_COM, INFO_CERN_CH } from '../../../images/files';
import { ERRNO_TEXT, resolvePath, writeFile } from '../fs';
import type { ConnectError, HttpResponse } from '../types';
import type { CmdResult, Io } from './io';

/** Hosts on the internet that tutorials fetch from; anything else does not resolve without a network. */
export const INTERNET: Record<string, { ip: string; body: string }> = {
  'info.cern.ch': { ip: '188.184.67.127', body: INFO_CERN_CH },
  'example.com': { ip: '23.192.228.80', body: EXAMPLE_COM },
  'www.example.com': { ip: '23.192.228.80', body: EXAMPLE_COM },
};

const REASON: Record<number, string> = {
  200: 'OK',
  301: 'Moved Permanently',
  302: 'Found',
  400: 'Bad Request',
  403: 'Forbidden',
  404: 'Not Found',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

interface Url {
  host: string;
  port: number;
  path: string;
}

function parseUrl(url: string): Url | undefined {
  const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/.exec(url);
  if (!m) return undefined;
  return { host: m[2], port: m[3] ? Number(m[3]) : m[1] === 'https' ? 443 : 80, path: m[4] || '/' };
}

type Fetched = HttpResponse | ConnectError | 'unknown host';

function fetch(io: Io, u: Url): { res: Fetched; ip: string } {
  const site = INTERNET[u.host];
  if (site) return { res: { status: 200, body: site.body }, ip: site.ip };
  const literal = /^\d+\.\d+\.\d+\.\d+$/.test(u.host);
  if (!literal && io.net?.resolverDown?.()) return { res: 'unknown host', ip: '' };
  const ip = literal ? u.host : io.net?.lookup?.(u.host)?.addresses[0];
  if (!io.net?.http) return { res: 'unknown host', ip: '' };
  return { res: io.net.http(u.host, u.port, u.path), ip: ip ?? '' };
}

export function wget(args: string[], io: Io): CmdResult {
  let out: string | undefined;
  let quiet = false;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-O') out = args[++i];
    else if (/^-q?O/.test(a)) {
      quiet ||= a.startsWith('-q');
      out = a.slice(a.indexOf('O') + 1) || args[++i];
    } else if (a === '-q' || a === '--quiet') quiet = true;
    else if (a === '-T' || a === '-U' || a === '--timeout') i++;
    else if (!a.startsWith('-')) urls.push(a);
  }
  const u = urls[0] ? parseUrl(urls[0]) : undefined;
  if (!u) {
    io.err('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [-O FILE] URL\n');
    return { code: 1 };
  }
  const { res, ip } = fetch(io, u);
  if (res === 'unknown host') {
    io.err(`wget: bad address '${u.host}${u.port === 80 ? '' : `:${u.port}`}'\n`);
    return { code: 1 };
  }
  if (!quiet) io.err(`Connecting to ${u.host}${u.port === 80 ? '' : `:${u.port}`} (${ip}:${u.port})\n`);
  if (res === 'connection refused') {
    io.err(`wget: can't connect to remote host (${ip}): Connection refused\n`);
    return { code: 1 };
  }
  if (res === 'timeout') {
    io.err('wget: download timed out\n');
    return { code: 1 };
  }
  if (res.status >= 400) {
    io.err(`wget: server returned error: HTTP/1.1 ${res.status} ${REASON[res.status] ?? ''}\n`);
    return { code: 1 };
  }
  const target = out ?? (u.path.split('/').pop() || 'index.html');
  if (target === '-') {
    io.out(res.body);
    return { code: 0 };
  }
  const err = writeFile(io.fs, resolvePath(io.cwd, target), res.body, false);
  if (err) {
    io.err(`wget: can't open '${target}': ${ERRNO_TEXT[err]}\n`);
    return { code: 1 };
  }
  if (!quiet) {
    const base = target.split('/').pop() ?? target;
    io.err(
      `saving to '${target}'\n${base.padEnd(20).slice(0, 20)} 100% |********************************|   ${res.body.length}  0:00:00 ETA\n'${target}' saved\n`,
    );
  }
  return { code: 0 };
}

export function curl(args: string[], io: Io): CmdResult {
  let out: string | undefined;
  let fail = false;
  let head = false;
  let format: string | undefined;
  const urls: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') out = args[++i];
    else if (a === '-w' || a === '--write-out') format = args[++i];
    else if (a === '-m' || a === '--max-time' || a === '-H' || a === '-X' || a === '-d' || a === '--connect-timeout')
      i++;
    else if (a.startsWith('-') && !a.startsWith('--')) {
      if (a.includes('f')) fail = true;
      if (a.includes('I')) head = true;
    } else if (a === '--fail') fail = true;
    else if (a === '--head') head = true;
    else if (!a.startsWith('-')) urls.push(a);
  }
  const u = urls[0] ? parseUrl(urls[0]) : undefined;
  if (!u) {
    io.err("curl: try 'curl --help' or 'curl --manual' for more information\n");
    return { code: 2 };
  }
  const { res } = fetch(io, u);
  if (res === 'unknown host') {
    io.err(`curl: (6) Could not resolve host: ${u.host}\n`);
    return { code: 6 };
  }
  if (res === 'connection refused') {
    io.err(`curl: (7) Failed to connect to ${u.host} port ${u.port} after 0 ms: Couldn't connect to server\n`);
    return { code: 7 };
  }
  if (res === 'timeout') {
    io.err('curl: (28) Connection timed out after 10002 milliseconds\n');
    return { code: 28 };
  }
  if (fail && res.status >= 400) {
    io.err(`curl: (22) The requested URL returned error: ${res.status}\n`);
    return { code: 22 };
  }
  const body = head ? `HTTP/1.1 ${res.status} ${REASON[res.status] ?? ''}\r\n\r\n` : res.body;
  if (out && out !== '-') writeFile(io.fs, resolvePath(io.cwd, out), body, false);
  else io.out(body);
  if (format) io.out(format.replace(/%\{http_code\}/g, String(res.status)).replace(/\\n/g, '\n'));
  return { code: 0 };
}

/** nslookup: bind's format in images with bind-tools (agnhost, dnsutils), busybox's otherwise. */
export function nslookup(args: string[], io: Io): CmdResult {
  const name = args.find((a) => !a.startsWith('-'));
  if (!name) {
    io.err('Usage: nslookup [HOST] [SERVER]\n');
    return { code: 1 };
  }
  const server = io.fs.sandbox.dns?.nameservers[0];
  if (server && io.net?.resolverDown?.()) {
    // busybox 1.28 still prints its server lines, then gives up on the name
    if (!io.hasTool('dig') && /BusyBox v1\.2[0-8]\./.test(io.version ?? '')) {
      io.out(`Server:    ${server}\nAddress 1: ${server}\n\n`);
      io.err(`nslookup: can't resolve '${name}'\n`);
    } else io.out(';; connection timed out; no servers could be reached\n\n');
    return { code: 1 };
  }
  if (!server || !io.net?.lookup) {
    io.err(
      io.hasTool('dig')
        ? ';; connection timed out; no servers could be reached\n\n'
        : `nslookup: can't connect to remote host\n`,
    );
    return { code: 1 };
  }
  const found = io.net.lookup(name);
  const bind = io.hasTool('dig');
  if (bind) {
    io.out(`Server:\t\t${server}\nAddress:\t${server}#53\n\n`);
    if (!found) {
      io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
      return { code: 1 };
    }
    io.out(`${answerLines(found, '.')}\n`);
    return { code: 0 };
  }
  if (/BusyBox v1\.2[0-8]\./.test(io.version ?? '')) {
    // busybox up to 1.28 prints "Address 1:" with the reverse name (the DNS page's output)
    const named = (ip: string) => {
      const n = io.net?.reverse?.(ip);
      return n ? `${ip} ${n}` : ip;
    };
    io.out(`Server:    ${server}\nAddress 1: ${named(server)}\n\n`);
    if (!found) {
      io.err(`nslookup: can't resolve '${name}'\n`);
      return { code: 1 };
    }
    io.out(`Name:      ${name}\n${found.addresses.map((a, i) => `Address ${i + 1}: ${a} ${found.fqdn}\n`).join('')}`);
    return { code: 0 };
  }
  io.out(`Server:\t\t${server}\nAddress:\t${server}:53\n\n`);
  if (!found) {
    io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
    return { code: 1 };
  }
  io.out(`${answerLines(found, '')}\n`);
  return { code: 0 };
}

/** An answer as nslookup prints it: a CNAME (ExternalName Service) first, then the addresses under the final name. */
function answerLines(found: { fqdn: string; addresses: string[]; cname?: string }, dot: string): string {
  const head = found.cname ? `${found.fqdn}\tcanonical name = ${found.cname}${dot}\n` : '';
  if (found.addresses.length === 0) return head;
  const name = found.cname ?? found.fqdn;
  return `${head}Name:\t${name}\n${found.addresses.map((a) => `Address: ${a}\n`).join('')}`;
}
