import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as etsModule from '@bsull/augurs/ets';
import * as mstlModule from '@bsull/augurs/mstl';
import * as prophetModule from '@bsull/augurs/prophet';

/** The augurs models, their WASM instantiated. */
export interface Augurs {
  AutoETS: typeof etsModule.AutoETS;
  MSTL: typeof mstlModule.MSTL;
  Prophet: typeof prophetModule.Prophet;
  optimizer: prophetModule.ProphetOptimizer;
}

let loading: Promise<Augurs> | undefined;

/**
 * Instantiates augurs' WASM once per process. The packages' default init fetches a file: URL, which Node's fetch
 * refuses, so the bytes are read from the installed package and given to initSync; nothing is downloaded.
 */
export function loadAugurs(): Promise<Augurs> {
  loading ??= (async () => {
    const dir = dirname(createRequire(import.meta.url).resolve('@bsull/augurs/ets'));
    const wasm = (name: string) => ({ module: readFileSync(join(dir, `${name}_bg.wasm`)) });
    etsModule.initSync(wasm('ets'));
    mstlModule.initSync(wasm('mstl'));
    prophetModule.initSync(wasm('prophet'));
    // Its Stan optimizer compiles its own two WASM modules from disk when imported (node:fs in Node).
    const { optimizer } = await import('@bsull/augurs-prophet-wasmstan');
    return { AutoETS: etsModule.AutoETS, MSTL: mstlModule.MSTL, Prophet: prophetModule.Prophet, optimizer: optimizer as prophetModule.ProphetOptimizer };
  })();
  return loading;
}
