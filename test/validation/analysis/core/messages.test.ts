import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { load } from 'js-yaml';
import { IstioMessages, OwnMessages } from '../../../../src/validation/analysis/core/messages';

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const version = readFileSync(join(repoRoot, 'projenrc', 'istio-version.txt'), 'utf-8').trim();
const yamlPath = resolve(repoRoot, process.env.ISTIO_ANALYZER_MESSAGES ?? `../shared/istio/analyzer-messages-${version}.yaml`);

describe('message types', () => {
  test('istioctl messages match analyzer-messages of the pinned Istio: code, level and template', () => {
    if (!existsSync(yamlPath)) throw new Error(`${yamlPath} not found: set ISTIO_ANALYZER_MESSAGES to its location`);
    const messages = (load(readFileSync(yamlPath, 'utf-8')) as any).messages as any[];
    const byName = new Map(messages.map(m => [m.name, m]));
    for (const type of Object.values(IstioMessages)) {
      const istio = byName.get(type.name);
      expect({ name: type.name, code: type.code, level: type.level, template: type.template })
        .toEqual({ name: istio.name, code: istio.code, level: String(istio.level).toLowerCase(), template: istio.template });
    }
  });

  test('our own codes are CI1xxx and distinct', () => {
    const codes = Object.values(OwnMessages).map(type => type.code);
    expect(codes.every(code => /^CI1\d{3}$/.test(code))).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
