import { existsSync, lstatSync, mkdirSync, readdirSync, writeFileSync, type Stats } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DebugLogger } from 'builder-util';
import type { Configuration, NsisOptions, PortableOptions } from 'electron-builder';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getFileMatchers, type FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildNativeModule,
  checkNativeModuleShipped,
  desktopBuildConfig,
} from '../../../electron-builder.config';
import { electronSqliteBuild } from '../../../scripts/electron-native.mjs';
import { PACKAGED_SQLITE_BINDING, packagedSqliteBinding } from './nativeModule';
import { PRODUCT_NAME } from './dataDir';
import { makeTempDir } from '../testing/tempDb';
import packageJson from '../../../package.json';

const REPO = resolve(__dirname, '../../..');
const CONFIG_FILE = 'electron-builder.config.ts';

type Filter = (file: string, stat: Stats) => boolean;
type Expand = (pattern: string) => string;
/** electron-builder's own rule builders (marked internal, so missing from its typings). */
interface InternalMatchers {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: Expand,
    platformSpecificBuildOptions: object,
    platformPackager: { info: object },
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcher[];
  getNodeModuleFileMatcher(
    appDir: string,
    destination: string,
    macroExpander: Expand,
    platformSpecificBuildOptions: object,
    packager: object,
  ): FileMatcher;
}
const internal = createRequire(__filename)('app-builder-lib/out/fileMatcher') as InternalMatchers;

const same: Expand = (pattern) => pattern;
const asFile = { isDirectory: () => false } as Stats;
const asFolder = { isDirectory: () => true } as Stats;

/** Walks `dir` as electron-builder's copier does: a folder the filter refuses is not entered. */
function shipped(dir: string, filter: Filter, found: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    const stat = lstatSync(path);
    if (!filter(path, stat)) continue;
    if (stat.isDirectory()) shipped(path, filter, found);
    else found.push(relative(REPO, path).split(sep).join('/'));
  }
  return found;
}

describe('the installer configuration (electron-builder.config.ts)', () => {
  let loaded: Configuration;

  beforeAll(async () => {
    // Loaded as `electron-builder --config` loads it (jiti), merged with package.json.
    loaded = await getConfig(REPO, CONFIG_FILE, null);
  }, 60_000);

  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(loaded, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is refused by that schema when an option is wrong (the check is real)', async () => {
    const wrong = { ...loaded, nsis: { ...loaded.nsis, perMachine: 'no' } } as unknown;
    await expect(
      validateConfiguration(wrong as Configuration, new DebugLogger(false)),
    ).rejects.toThrow(/perMachine/);
  });

  it('keeps the product name, so the data folder stays where it is', () => {
    expect(loaded.productName).toBe(PRODUCT_NAME);
    expect(loaded.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
  });

  it('turns the fuses that would let another program drive the app off', () => {
    expect(loaded.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    expect(loaded.asar).toBe(true);
  });

  it('installs per user in Chinese with a choosable folder, and keeps the data at uninstall', () => {
    const nsis = loaded.nsis as NsisOptions;
    expect(nsis).toMatchObject({
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      shortcutName: '隔离点协调台',
      deleteAppDataOnUninstall: false,
      language: '2052',
    });
    expect(nsis.installerLanguages).toEqual(['zh_CN']);
    expect((loaded.portable as PortableOptions).requestExecutionLevel).toBe('user');
    const targets = (loaded.win?.target as { target: string }[]).map((t) => t.target);
    expect(targets).toEqual(['nsis', 'portable']);
    expect(loaded.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('takes a local Electron from ISD_ELECTRON_DIST, and downloads one otherwise', () => {
    expect(desktopBuildConfig({ ISD_ELECTRON_DIST: '/opt/electron-45' }).electronDist).toBe(
      '/opt/electron-45',
    );
    expect(desktopBuildConfig({ ISD_ELECTRON_DIST: 'vendor/electron' }).electronDist).toBe(
      join(process.cwd(), 'vendor', 'electron'),
    );
    expect(desktopBuildConfig({})).not.toHaveProperty('electronDist');
  });

  it('never rebuilds node_modules, and builds the Electron driver only for this system', async () => {
    expect(loaded.npmRebuild).toBe(false);
    const foreign = process.platform === 'win32' ? 'linux' : 'win32';
    await expect(
      buildNativeModule({ electronPlatformName: foreign, arch: 1 } as Parameters<
        typeof buildNativeModule
      >[0]),
    ).rejects.toThrow(/only be built for this system/);
  });

  it('stops a package whose database driver was not copied', () => {
    const temp = makeTempDir();
    try {
      const appOutDir = join(temp.dir, 'linux-unpacked');
      const context = {
        appOutDir,
        packager: { getResourcesDir: (dir: string) => join(dir, 'resources') },
      } as unknown as Parameters<typeof checkNativeModuleShipped>[0];
      expect(() => checkNativeModuleShipped(context)).toThrow(/database driver is missing/);
      const shipped = packagedSqliteBinding(join(appOutDir, 'resources'));
      mkdirSync(dirname(shipped), { recursive: true });
      writeFileSync(shipped, 'a stand-in for the driver');
      expect(() => checkNativeModuleShipped(context)).not.toThrow();
    } finally {
      temp.remove();
    }
  });

  describe('what ships', () => {
    const appDir = REPO;
    const destination = join(REPO, 'dist', 'unpacked', 'resources', 'app');
    const info = () => ({
      isPrepackedAppAsar: false,
      projectDir: REPO,
      buildResourcesDir: loaded.directories!.buildResources!,
      config: loaded,
      debugLogger: new DebugLogger(false),
    });
    let appFiles: Filter;
    let moduleFiles: Filter;

    beforeAll(() => {
      const [main] = internal.getMainFileMatchers(
        appDir,
        destination,
        same,
        {},
        { info: info() },
        join(REPO, loaded.directories!.output!),
        false,
      );
      appFiles = main!.createFilter();
      moduleFiles = internal
        .getNodeModuleFileMatcher(appDir, destination, same, {}, info())
        .createFilter();
    });

    const ships = (path: string, stat = asFile) => appFiles(join(REPO, path), stat);

    it('takes the built app, package.json and the resources', () => {
      for (const path of [
        'out/main/index.js',
        // The backup check's worker thread, which electron-vite emits beside the main chunks.
        'out/main/chunks/copyCheckWorker-abc123.js',
        'out/preload/index.js',
        'out/renderer/index.html',
        'out/renderer/assets/index-abc123.js',
        'package.json',
        'resources/icon.png',
        'resources/demo/site.json',
      ]) {
        expect(ships(path), path).toBe(true);
      }
    });

    it('leaves out sources, tests, benches, build scratch, data and installers', () => {
      for (const path of [
        'src/main/index.ts',
        'src/main/platform/dataDir.test.ts',
        'src/renderer/src/App.test.tsx',
        'e2e/fixtures.ts',
        'bench/scale/benchCli.ts',
        'bench/.data/district.sqlite',
        '.cache/electron-native/45.5.0-linux-x64/node_modules/better-sqlite3/build/Release/better_sqlite3.node',
        '.cache/module-path/copyCheckWorker-abc123.cjs',
        'docs/screenshots/room-board.png',
        'data/isolation-site-desk.sqlite',
        'out/isolation-site-desk.sqlite',
        'dist/Isolation Site Desk-0.1.0-setup.exe',
        'electron-builder.config.ts',
        'electron.vite.config.ts',
        'README.md',
        'tsconfig.json',
        'playwright.config.ts',
        'reports/vitest.json',
      ]) {
        expect(ships(path), path).toBe(false);
      }
      for (const folder of ['src', 'e2e', 'bench', '.cache', 'docs', 'data', 'scripts']) {
        expect(ships(folder, asFolder), folder).toBe(false);
      }
    });

    it('in the real tree, ships only out/, resources/ and package.json', () => {
      const files = shipped(REPO, appFiles);
      expect(files).toContain('package.json');
      expect(files).toContain('resources/icon.png');
      if (existsSync(join(REPO, 'out', 'main', 'index.js'))) {
        for (const path of ['out/main/index.js', 'out/preload/index.js', 'out/renderer/index.html'])
          expect(files).toContain(path);
      }
      const stray = files.filter(
        (file) => file !== 'package.json' && !/^(out|resources)\//.test(file),
      );
      expect(stray).toEqual([]);
      expect(files.filter((file) => /\.(test\.tsx?|sqlite.*|ts)$/.test(file))).toEqual([]);
    });

    it('ships as node_modules only what main loads at run time, not the renderer’s libraries', () => {
      // electron-builder copies `dependencies` (and what they need); the renderer is bundled by vite.
      const shippedPackages = Object.keys(packageJson.dependencies);
      expect(shippedPackages).toContain('better-sqlite3');
      expect(shippedPackages.filter((name) => /^(@mui\/|@emotion\/|react)/.test(name))).toEqual([]);
      expect(shippedPackages).not.toContain('electron');
    });

    it('ships better-sqlite3’s code without its Node build and C sources', () => {
      // As the copier asks: each file with its path inside the app (`moduleFullFilePath`).
      const asCopied = (path: string, stat: Stats, module = 'better-sqlite3') =>
        moduleFiles(join(REPO, 'node_modules', module, path), {
          isDirectory: () => stat.isDirectory(),
          moduleFullFilePath: `node_modules/${module}/${path}`,
        } as unknown as Stats);
      expect(asCopied('lib/database.js', asFile)).toBe(true);
      expect(asCopied('package.json', asFile)).toBe(true);
      expect(asCopied('build/Release/better_sqlite3.node', asFile)).toBe(false);
      expect(asCopied('deps/sqlite3/sqlite3.c', asFile)).toBe(false);
      expect(asCopied('src/better_sqlite3.cpp', asFile)).toBe(false);
      // Other packages are untouched by that rule.
      expect(asCopied('package.json', asFile, 'zod')).toBe(true);
      expect(asCopied('build/index.js', asFile, 'selfsigned')).toBe(true);
    });

    it('puts the Electron build of the driver beside app.asar, where the app loads it', () => {
      const resources = join(REPO, 'dist', 'unpacked', 'resources');
      const [extra] = getFileMatchers(loaded, 'extraResources', resources, {
        macroExpander: same,
        customBuildOptions: {},
        globalOutDir: join(REPO, 'dist'),
        defaultSrc: REPO,
      })!;
      expect(extra!.from).toBe(electronSqliteBuild().binding);
      expect(extra!.from).toMatch(/better_sqlite3\.node$/);
      expect(extra!.to).toBe(packagedSqliteBinding(resources));
      expect(PACKAGED_SQLITE_BINDING.startsWith('native/')).toBe(true);
      const [unpack] = getFileMatchers(loaded, 'asarUnpack', destination, {
        macroExpander: same,
        customBuildOptions: {},
        globalOutDir: join(REPO, 'dist'),
        defaultSrc: REPO,
      })!;
      const unpacked = unpack!.createFilter();
      expect(unpacked(join(REPO, 'node_modules/x/build/Release/x.node'), asFile)).toBe(true);
      expect(unpacked(join(REPO, 'out/main/index.js'), asFile)).toBe(false);
    });
  });
});
