/**
 * One WebGPU device for every WGSL test: the GPU where there is one, else
 * SwiftShader (apt-get install chromium libvulkan1). Without either the tests
 * fail and say so: they never pass without having run.
 */
import { openDevice } from '../../src/backends/wgsl/runtime.js';

let opened: Promise<{ device: GPUDevice; adapter: string }> | undefined;

export function gpuDevice(): Promise<{ device: GPUDevice; adapter: string }> {
  opened ??= openDevice().catch((e: Error) => {
    throw new Error(
      `NO WEBGPU ADAPTER: the WGSL tests cannot run here (${e.message}). ` +
        'Install a GPU driver, or SwiftShader with `apt-get install -y chromium libvulkan1`.',
    );
  });
  return opened;
}
