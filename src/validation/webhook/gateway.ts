/** Istio's webhook rules for Gateway (ValidateGateway in istio/pkg/config/validation). */
import { isSet, stringOf } from '../json';
import { hasGatewaySemantics, validateGatewayName } from './common/gateway-names';
import { isHTTPProtocol, parseProtocol } from './common/ports';
import { validateServer } from './gateway/server';
import { Findings, KindValidator } from './types';

export const validateGateway: KindValidator = (obj) => {
  const findings = new Findings();
  const gatewaySemantics = hasGatewaySemantics(obj.metadata);
  // An empty name is one the API server will generate (generateName): it cannot be judged here.
  if (obj.name !== '') {
    const nameError = validateGatewayName(obj.name, gatewaySemantics);
    if (nameError) findings.error('metadata.name', nameError);
  }

  const servers: any[] = Array.isArray(obj.spec.servers) ? obj.spec.servers : [];
  if (servers.length === 0) {
    findings.error('spec.servers', 'gateway must have at least one server');
  } else {
    servers.forEach((server, i) => validateServer(server, `spec.servers[${i}]`, gatewaySemantics, findings));
  }

  // Port names must be unique across servers; httpsRedirect only makes sense on plain HTTP.
  const portNames = new Set<string>();
  servers.forEach((server, i) => {
    const path = `spec.servers[${i}]`;
    if (!isSet(server)) {
      findings.error(path, 'server may not be nil');
      return;
    }
    const port = server.port;
    if (!isSet(port)) return;
    const name = stringOf(port.name);
    if (portNames.has(name)) findings.error(`${path}.port.name`, `port names in servers must be unique: duplicate name ${name}`);
    portNames.add(name);
    const protocol = parseProtocol(stringOf(port.protocol));
    if (!isHTTPProtocol(protocol) && server.tls?.httpsRedirect === true) {
      findings.warn(`${path}.tls.httpsRedirect`, 'tls.httpsRedirect should only be used with http servers');
    }
  });
  return findings.list;
};
