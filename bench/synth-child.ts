/**
 * `synth-child.ts l1|l2 <services>`: one synthesis of the canary app (bench/l2.ts) in a fresh
 * process, so that its peak RSS (reported by report-rss.js) is that synthesis's alone.
 */
import { l1Templates, synthL1, synthL2 } from './l2';

const [which, count] = process.argv.slice(2);
const services = Number(count);
if (which === 'l1') synthL1(services, l1Templates());
else if (which === 'l2') synthL2(services);
else throw new Error(`usage: synth-child.ts l1|l2 <services>, got ${which}`);
