import { BestPracticeMessages, IstioMessages, OwnMessages } from '../../../../src/validation/analysis/core/messages';
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

  test('our own codes are CI1xxx, the best-practice ones CI2xxx, all distinct and none an Istio code', () => {
    const own = Object.values(OwnMessages).map(type => type.code);
    const bestPractice = Object.values(BestPracticeMessages).map(type => type.code);
    expect(own.filter(code => !/^CI1\d{3}$/.test(code))).toEqual([]);
    expect(bestPractice.filter(code => !/^CI2\d{3}$/.test(code))).toEqual([]);
    expect(bestPractice).toEqual(['CI2001', 'CI2002', 'CI2003', 'CI2004', 'CI2005', 'CI2006', 'CI2007', 'CI2008']);
    const codes = [...own, ...bestPractice];
    expect(new Set(codes).size).toBe(codes.length);
  });

  test('best-practice messages are warnings or infos, never errors (they must not fail a synth)', () => {
    expect(Object.values(BestPracticeMessages).filter(type => type.level === 'error')).toEqual([]);
  });
});
