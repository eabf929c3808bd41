import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * One OpenAPI document over the gateway and every service. Schemas that two services name alike but define
 * differently are renamed `<service>_<name>` in that service's paths.
 */
export function mergeOpenApi(base: OpenAPIObject, services: Record<string, OpenAPIObject>): OpenAPIObject {
  const merged: OpenAPIObject = {
    ...base,
    paths: { ...base.paths },
    components: { ...base.components, schemas: { ...(base.components?.schemas ?? {}) } },
    tags: [...(base.tags ?? [])],
  };
  const schemas = merged.components!.schemas!;
  for (const [service, doc] of Object.entries(services)) {
    const renames = new Map<string, string>();
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      if (schemas[name] && JSON.stringify(schemas[name]) !== JSON.stringify(schema)) renames.set(name, `${service}_${name}`);
    }
    const rewrite = <T>(value: T): T => {
      if (renames.size === 0) return value;
      return JSON.parse(
        JSON.stringify(value).replace(/"#\/components\/schemas\/([^"]+)"/g, (all, name: string) =>
          renames.has(name) ? `"#/components/schemas/${renames.get(name)}"` : all,
        ),
      ) as T;
    };
    for (const [name, schema] of Object.entries(doc.components?.schemas ?? {})) {
      schemas[renames.get(name) ?? name] = rewrite(schema);
    }
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      if (path === '/health') continue;
      merged.paths[path] = rewrite(item);
    }
    for (const tag of doc.tags ?? []) if (!merged.tags!.some((t) => t.name === tag.name)) merged.tags!.push(tag);
    // the services' security schemes (e.g. the agency API key of the judicial bridge) beside the gateway's
    merged.components!.securitySchemes = { ...(doc.components?.securitySchemes ?? {}), ...merged.components!.securitySchemes };
  }
  return merged;
}
