/** Field paths as Kubernetes prints them: `spec.http[0].route`, map keys in brackets: `spec.selector[app]`. */

export function propertyPath(parent: string, name: string): string {
  return parent ? `${parent}.${name}` : name;
}

export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

export function mapKeyPath(parent: string, key: string): string {
  return `${parent}[${key}]`;
}
