import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../context.ts';
import { requireCtx } from '../../http/access.ts';
import { ArchiveInput, IdParams } from '../../../contract/common.ts';
import {
  AccountProductInput,
  AccountProductsView,
  MaturityEvaluated,
  ModeSuggestion,
  ModeSuggestionQuery,
  OrganizationAdded,
  OrganizationOnboardingInput,
  OrganizationRule,
  OrganizationRulePatch,
  Product,
  ProductAdded,
  ProductInput,
  ProductPatch,
  UsageFigure,
  UsageInput,
} from '../../../contract/products.ts';
import * as maturity from './maturity.service.ts';
import * as service from './products.service.ts';

const tags = ['products'];

export const productRoutes =
  (services: Services): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/products',
      {
        schema: {
          tags,
          summary: 'The product catalogue: what the workspace sells, with modules, playbook, enablement and maturity stages',
          querystring: z.strictObject({ archived: z.enum(['true', 'false']).optional() }),
          response: { 200: z.array(Product) },
        },
      },
      (request) => service.listProducts(requireCtx(request, services), request.query.archived === 'true'),
    );

    app.post(
      '/products',
      { schema: { tags, summary: 'Add a product to the catalogue', body: ProductInput, response: { 201: Product } } },
      async (request, reply) => reply.status(201).send(await service.createProduct(requireCtx(request, services), request.body)),
    );

    app.get(
      '/products/:id',
      { schema: { tags, summary: 'One product of the catalogue', params: IdParams, response: { 200: Product } } },
      (request) => service.getProduct(requireCtx(request, services), request.params.id),
    );

    app.patch(
      '/products/:id',
      {
        schema: { tags, summary: 'Edit a product (its modules, playbook, enablement, maturity stages)', params: IdParams, body: ProductPatch, response: { 200: Product } },
      },
      (request) => service.updateProduct(requireCtx(request, services), request.params.id, request.body),
    );

    app.post(
      '/products/:id/archive',
      { schema: { tags, summary: 'Stop or resume selling a product', params: IdParams, body: ArchiveInput, response: { 200: Product } } },
      (request) => service.setProductArchived(requireCtx(request, services), request.params.id, request.body.archived),
    );

    app.get(
      '/organization-rule',
      { schema: { tags, summary: 'When a new organization of an account gets its own implementation', response: { 200: OrganizationRule } } },
      (request) => service.organizationRule(requireCtx(request, services)),
    );

    app.patch(
      '/organization-rule',
      { schema: { tags, summary: 'Change the new-organization rule', body: OrganizationRulePatch, response: { 200: OrganizationRule } } },
      (request) => service.updateOrganizationRule(requireCtx(request, services), request.body),
    );

    app.get(
      '/accounts/:id/products',
      {
        schema: {
          tags,
          summary: "An account's products (with their onboarding and maturity stage), organizations and recent usage",
          params: IdParams,
          response: { 200: AccountProductsView },
        },
      },
      (request) => maturity.accountProductsView(requireCtx(request, services), request.params.id),
    );

    app.post(
      '/accounts/:id/products',
      {
        schema: {
          tags,
          summary: 'A new product for an existing account: an onboarding project, or users-only onboarding',
          params: IdParams,
          body: AccountProductInput,
          response: { 201: ProductAdded },
        },
      },
      async (request, reply) => reply.status(201).send(await service.addProduct(requireCtx(request, services), request.params.id, request.body)),
    );

    app.get(
      '/accounts/:id/organization-mode',
      {
        schema: {
          tags,
          summary: "What the workspace's rule suggests for a new organization of this account",
          params: IdParams,
          querystring: ModeSuggestionQuery,
          response: { 200: ModeSuggestion },
        },
      },
      (request) => service.suggestOrganizationMode(requireCtx(request, services), request.params.id, request.query),
    );

    app.post(
      '/accounts/:id/organization-onboardings',
      {
        schema: {
          tags,
          summary: 'A new organization in an existing account: a separate implementation, or its users onboarded to the existing one',
          params: IdParams,
          body: OrganizationOnboardingInput,
          response: { 201: OrganizationAdded },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await service.addOrganizationOnboarding(requireCtx(request, services), request.params.id, request.body)),
    );

    app.post(
      '/accounts/:id/usage',
      {
        schema: { tags, summary: "Post a usage figure for an account (its maturity is re-evaluated)", params: IdParams, body: UsageInput, response: { 201: UsageFigure } },
      },
      async (request, reply) => reply.status(201).send(await maturity.postUsage(requireCtx(request, services), request.params.id, request.body)),
    );

    app.post(
      '/accounts/:id/maturity/evaluate',
      { schema: { tags, summary: "Re-evaluate an account's maturity stages now", params: IdParams, response: { 200: MaturityEvaluated } } },
      (request) => maturity.evaluateByHand(requireCtx(request, services), request.params.id),
    );
  };
