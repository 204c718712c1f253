import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

/**
 * A request body refuses keys it does not know, at every depth: a misspelt field (`{"answers": …}` for
 * `{"answer": …}`) would otherwise be dropped, and the caller told it worked. Done here, once, for every route's
 * body schema, so the contract stays plain zod (the web shares it) and the OpenAPI says `additionalProperties: false`.
 * Responses are left as they are: a response schema strips what it does not name.
 */
export function registerStrictBodies(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    const body = route.schema?.body;
    if (body instanceof z.ZodType) route.schema = { ...route.schema, body: strict(body) };
  });
}

const done = new WeakMap<z.ZodType, z.ZodType>();

/** The same schema with every object in it strict; an object that chose its own catch-all (looseObject) keeps it. */
export function strict<T extends z.ZodType>(schema: T): T {
  const known = done.get(schema);
  if (known) return known as T;
  const made = rebuild(schema);
  done.set(schema, made);
  return made as T;
}

function rebuild(schema: z.ZodType): z.ZodType {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const inner = (key: string) => strict(def[key] as z.ZodType);
  switch (def.type) {
    case 'object': {
      const shape = Object.fromEntries(Object.entries((schema as z.ZodObject).shape).map(([key, field]) => [key, strict(field as z.ZodType)]));
      return schema.clone({ ...def, shape, catchall: def.catchall ?? z.never() } as never);
    }
    case 'array':
      return schema.clone({ ...def, element: inner('element') } as never);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'nonoptional':
    case 'readonly':
    case 'catch':
      return schema.clone({ ...def, innerType: inner('innerType') } as never);
    case 'pipe':
      return schema.clone({ ...def, in: inner('in'), out: inner('out') } as never);
    case 'union':
      return schema.clone({ ...def, options: (def.options as z.ZodType[]).map((option) => strict(option)) } as never);
    case 'record':
      return schema.clone({ ...def, valueType: inner('valueType') } as never);
    case 'tuple':
      return schema.clone({ ...def, items: (def.items as z.ZodType[]).map((item) => strict(item)) } as never);
    default:
      // Scalars, transforms, and what strictness would break (an intersection's sides see each other's keys).
      return schema;
  }
}
