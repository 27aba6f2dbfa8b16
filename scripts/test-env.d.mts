// Types of test-env.mjs for the TypeScript that uses it (its unit test and the e2e fixtures).
export type Need = 'chromium' | 'cjkFonts' | 'pdftotext';
export interface World {
  env: Record<string, string | undefined>;
  pathVar: string | undefined;
  playwrightPath: string | null;
  fontFiles?: string[];
}
export type Choice =
  | { path: string; source: 'ISD_CHROMIUM' | 'system' | 'playwright' }
  | { path: null; problem: string };
export interface Assessment {
  chromium: Choice;
  missing: Need[];
}
export type Plan =
  | { action: 'ok'; chromium: string }
  | { action: 'install'; packages: string[] }
  | { action: 'refuse'; line: string };
export const PACKAGES: Record<Need, string>;
export const SYSTEM_BROWSERS: string[];
export const CJK_FONT_FILES: string[];
export function isExecutableFile(path: string): boolean;
export function findOnPath(name: string, pathVar: string | undefined): string | null;
export function playwrightChromium(): string | null;
export function chooseChromium(world: World): Choice;
export function hasCjkFont(world: Pick<World, 'pathVar' | 'fontFiles'>): boolean;
export function assess(world: World): Assessment;
export function plan(assessment: Assessment, how: { isRoot: boolean; aptGet: string | null }): Plan;
export function ensureTestEnv(): string;
