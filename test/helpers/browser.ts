import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * Debian's Chromium, headless, for the browser tests: WebGPU without a GPU runs on Chromium's own
 * SwiftShader through Vulkan. Not puppeteer's 30 s to start: a busy machine takes longer.
 */
export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    timeout: 240_000,
    headless: true,
    args: ['--no-sandbox', '--enable-unsafe-webgpu', '--enable-features=Vulkan', '--use-vulkan=swiftshader'],
  });
}
