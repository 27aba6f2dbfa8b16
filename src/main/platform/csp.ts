/**
 * One Content-Security-Policy for both shells. MUI's emotion injects <style> elements at run
 * time, hence 'unsafe-inline' for styles only; scripts come from the app itself and nowhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
