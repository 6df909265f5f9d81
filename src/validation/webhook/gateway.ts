/** Istio's webhook rules for Gateway (ValidateGateway in istio/pkg/config/validation). */
import { FieldPath } from '../field-path';
import { isSet, listOf, stringOf } from '../json';
import { checkGatewayName, hasGatewaySemantics } from './common/gateway-names';
import { isHTTPProtocol, parseProtocol } from './common/ports';
import { validateServer } from './gateway/server';
import { KindValidator } from './types';

export const validateGateway: KindValidator = (obj, findings) => {
  const gatewaySemantics = hasGatewaySemantics(obj.metadata);
  // An empty name is one the API server will generate (generateName): it cannot be judged here.
  if (obj.name !== '') findings.errorIfAny(FieldPath.at('metadata', 'name'), checkGatewayName(obj.name, gatewaySemantics));

  const serversPath = FieldPath.at('spec', 'servers');
  const servers = listOf(obj.spec.servers);
  if (servers.length === 0) {
    findings.error(serversPath, 'gateway must have at least one server');
  } else {
    servers.forEach((server, i) => validateServer(serversPath.index(i), findings, server, gatewaySemantics));
  }

  // Port names must be unique across servers; httpsRedirect only makes sense on plain HTTP.
  const portNames = new Set<string>();
  servers.forEach((server, i) => {
    const path = serversPath.index(i);
    if (!isSet(server)) {
      findings.error(path, 'server may not be nil');
      return;
    }
    const port = server.port;
    if (!isSet(port)) return;
    const name = stringOf(port.name);
    if (portNames.has(name)) findings.error(path.child('port', 'name'), `port names in servers must be unique: duplicate name ${name}`);
    portNames.add(name);
    const protocol = parseProtocol(stringOf(port.protocol));
    if (!isHTTPProtocol(protocol) && server.tls?.httpsRedirect === true) {
      findings.warn(path.child('tls', 'httpsRedirect'), 'tls.httpsRedirect should only be used with http servers');
    }
  });
};
