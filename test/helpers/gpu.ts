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

let plain: Promise<GPUDevice> | undefined;

/**
 * A second device on the same adapter, without the optional features
 * openDevice asks for (subgroups): what the kernels meet on devices that
 * lack them.
 */
export function plainDevice(): Promise<GPUDevice> {
  plain ??= (async () => {
    await gpuDevice();
    const { create } = (await import('webgpu')) as { create(flags: string[]): GPU };
    const instance = create([]);
    keep.push(instance);
    const adapter = await instance.requestAdapter();
    if (!adapter) throw new Error('NO WEBGPU ADAPTER for a second device');
    return adapter.requestDevice({
      requiredLimits: { maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize },
    });
  })();
  return plain;
}

/** Dawn instances stay referenced: the devices they gave out die with them. */
const keep: GPU[] = [];
