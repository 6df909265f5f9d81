import { Duration, Testing } from 'cdk8s';
import { GrpcStatus, Host, HttpFault, IstioValidation, VirtualService } from '../src';

const reviews = Host.fromName('reviews');

function fault(f: HttpFault): any {
  const chart = Testing.chart();
  IstioValidation.disableAnalysis(chart);
  new VirtualService(chart, 'Vs', { hosts: [reviews], http: [{ route: [{ host: reviews }], fault: f }] });
  return Testing.synth(chart)[0].spec.http[0].fault;
}

describe('HttpFault', () => {
  test('a delay and an HTTP abort with their percentages', () => {
    expect(fault({ delay: { fixedDelay: Duration.seconds(5), percentage: 10 }, abort: { httpStatus: 503, percentage: 0.5 } })).toEqual({
      delay: { fixedDelay: '5s', percentage: { value: 10 } },
      abort: { httpStatus: 503, percentage: { value: 0.5 } },
    });
  });

  test('without a percentage, every request is affected: 100 is written out', () => {
    expect(fault({ abort: { grpcStatus: GrpcStatus.UNAVAILABLE } })).toEqual({ abort: { grpcStatus: 'UNAVAILABLE', percentage: { value: 100 } } });
    expect(fault({ delay: { fixedDelay: Duration.millis(250) } })).toEqual({ delay: { fixedDelay: '250ms', percentage: { value: 100 } } });
  });

  describe('fails', () => {
    test('with neither delay nor abort', () => {
      expect(() => fault({})).toThrow("VirtualService 'test/Vs': http[0].fault has neither delay nor abort; give at least one of them");
    });

    test('with an abort without an error', () => {
      expect(() => fault({ abort: { percentage: 10 } }))
        .toThrow("VirtualService 'test/Vs': http[0].fault.abort has no error to answer with; give httpStatus (e.g. 503) or grpcStatus");
    });

    test('with an abort with two errors', () => {
      expect(() => fault({ abort: { httpStatus: 503, grpcStatus: GrpcStatus.INTERNAL } }))
        .toThrow("VirtualService 'test/Vs': http[0].fault.abort has both httpStatus 503 and grpcStatus INTERNAL; give one of them");
    });

    test.each([199, 601])('with the HTTP status %p', httpStatus => {
      expect(() => fault({ abort: { httpStatus } })).toThrow(`VirtualService 'test/Vs': http[0].fault.abort.httpStatus: HTTP status ${httpStatus} is not in range 200-599`);
    });

    test.each([-1, 101])('with the percentage %p', percentage => {
      expect(() => fault({ delay: { fixedDelay: Duration.seconds(1), percentage } }))
        .toThrow(`VirtualService 'test/Vs': http[0].fault.delay.percentage must be a number between 0 and 100, got ${percentage}`);
    });

    test('with a delay under 1ms (Istio\'s rule)', () => {
      expect(() => fault({ delay: { fixedDelay: Duration.millis(0) } }))
        .toThrow("VirtualService 'test/Vs': http[0].fault.delay.fixedDelay: duration must be greater than 1ms (Istio's webhook rejects this)");
    });
  });
});
