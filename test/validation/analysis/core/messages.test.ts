import { IstioMessages, OwnMessages } from '../../../../src/validation/analysis/core/messages';
import { analyzerMessages } from '../../../support/pinned';

describe('message types', () => {
  test('istioctl messages match analyzer-messages of the pinned Istio: code, level and template', () => {
    const messages = analyzerMessages();
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
