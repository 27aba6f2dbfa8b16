import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Arch, type Configuration } from 'electron-builder';
import { electronSqliteBuild } from './scripts/electron-native.mjs';
import { PACKAGED_SQLITE_BINDING, packagedSqliteBinding } from './src/main/platform/nativeModule';

/**
 * `npm run dist`: installers for the system it runs on (Windows: an NSIS installer per user and a
 * portable exe; Linux: AppImage and deb). `ISD_ELECTRON_DIST` names a folder holding Electron
 * (unpacked, or its release zip) for a machine without internet.
 */

/** What electron-builder hands the beforePack hook (its type is not exported by electron-builder). */
type BeforePackContext = Parameters<
  Extract<NonNullable<Configuration['beforePack']>, (...args: never[]) => unknown>
>[0];
type AfterPackContext = Parameters<
  Extract<NonNullable<Configuration['afterPack']>, (...args: never[]) => unknown>
>[0];

/**
 * better-sqlite3 is built for Electron's ABI here, as `npm start` builds it (into .cache/, never
 * in node_modules, which stays built for Node for the tests). Its native code builds only for the
 * system it runs on, so a package for another one is refused rather than shipped broken.
 */
export async function buildNativeModule(context: BeforePackContext): Promise<void> {
  const target = `${context.electronPlatformName} ${Arch[context.arch]}`;
  if (target !== `${process.platform} ${process.arch}`) {
    throw new Error(
      `The database driver can only be built for this system (${process.platform} ${process.arch}); build the ${target} package on a ${target} machine.`,
    );
  }
  const { electronSqliteBinding } = await import('./scripts/electron-native.mjs');
  await electronSqliteBinding();
}

/**
 * electron-builder only warns when an extra resource is missing: an app without its database
 * driver would install and then fail at every start, so the package is stopped here instead.
 */
export function checkNativeModuleShipped(context: AfterPackContext): void {
  const shipped = packagedSqliteBinding(context.packager.getResourcesDir(context.appOutDir));
  if (!existsSync(shipped)) {
    throw new Error(`The database driver is missing from the package: ${shipped} was not copied.`);
  }
}

export function desktopBuildConfig(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Configuration {
  return {
    appId: 'org.isolationsitedesk.desk',
    // Electron names the data folder after productName: it must never change, or the data "moves".
    productName: 'Isolation Site Desk',
    copyright: 'MIT licence',
    directories: { output: 'dist', buildResources: 'build' },
    // What electron-vite built, the manifest and the icon and demo site; never sources, tests,
    // benches, build scratch or a data folder. node_modules (production dependencies only) is
    // added by electron-builder; better-sqlite3's Node build and C sources stay out of it.
    files: [
      'out/**',
      'package.json',
      'resources/**',
      '!**/node_modules/better-sqlite3/{build,deps,src}/**',
      '!**/*.{sqlite,sqlite-wal,sqlite-shm,sqlite-journal}',
    ],
    // The Electron build of the driver, next to app.asar (see platform/nativeModule.ts).
    extraResources: [{ from: electronSqliteBuild().binding, to: PACKAGED_SQLITE_BINDING }],
    asar: true,
    // A native library cannot be loaded from inside the archive: none may end up there.
    asarUnpack: ['**/*.node'],
    npmRebuild: false,
    beforePack: buildNativeModule,
    afterPack: checkNativeModuleShipped,
    ...(env.ISD_ELECTRON_DIST ? { electronDist: resolve(env.ISD_ELECTRON_DIST) } : {}),
    electronFuses: {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      // The renderer is served as app://desk: file:// pages need no extra rights.
      grantFileProtocolExtraPrivileges: false,
    },
    win: {
      icon: 'resources/icon.png',
      target: [
        { target: 'nsis', arch: ['x64'] },
        { target: 'portable', arch: ['x64'] },
      ],
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowElevation: false,
      allowToChangeInstallationDirectory: true,
      installerLanguages: ['zh_CN'],
      language: '2052',
      shortcutName: '隔离点协调台',
      uninstallDisplayName: '隔离点协调台 Isolation Site Desk',
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      // The data folder (%APPDATA%\Isolation Site Desk) outlives the program.
      deleteAppDataOnUninstall: false,
      artifactName: '${productName}-${version}-setup.${ext}',
    },
    portable: {
      requestExecutionLevel: 'user',
      artifactName: '${productName}-${version}-portable.${ext}',
    },
    linux: {
      icon: 'resources/icon.png',
      target: ['AppImage', 'deb'],
      category: 'Office',
      executableName: 'isolation-site-desk',
      synopsis: '隔离点协调台 — coordination desk for a centralised isolation site',
      maintainer: 'Isolation Site Desk <desk@localhost>',
    },
    appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
    deb: { artifactName: '${name}_${version}_${arch}.${ext}' },
  };
}

export default desktopBuildConfig();
