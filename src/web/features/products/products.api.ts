import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AccountProductInput,
  AccountProductsView,
  ModeSuggestion,
  OrganizationOnboardingInput,
  OrganizationRule,
  Product,
  ProductInput,
  ProductPatch,
} from '../../../contract/products.ts';
import { api } from '../../app/api.ts';

export type { AccountProductsView, OrganizationRule, Product };
export type ProductForm = z.input<typeof ProductInput>;

const catalogueKey = ['products'] as const;
const ruleKey = ['products', 'organization-rule'] as const;
const accountKey = (accountId: string) => ['products', 'account', accountId] as const;

export const useProducts = () => useQuery({ queryKey: catalogueKey, queryFn: () => api.get<Product[]>('/products?archived=true') });
export const useOrganizationRule = () => useQuery({ queryKey: ruleKey, queryFn: () => api.get<OrganizationRule>('/organization-rule') });
export const useAccountProducts = (accountId: string) =>
  useQuery({ queryKey: accountKey(accountId), queryFn: () => api.get<AccountProductsView>(`/accounts/${accountId}/products`) });
export const useModeSuggestion = (accountId: string, users: number, type: string) =>
  useQuery({
    queryKey: ['products', 'mode', accountId, users, type],
    queryFn: () => api.get<z.infer<typeof ModeSuggestion>>(`/accounts/${accountId}/organization-mode?users=${users}&type=${type}`),
    enabled: users > 0,
  });

export function useSaveProduct(productId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ProductForm | z.input<typeof ProductPatch>) =>
      productId ? api.patch<Product>(`/products/${productId}`, input) : api.post<Product>('/products', input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}

export function useArchiveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; archived: boolean }) => api.post<Product>(`/products/${input.id}/archive`, { archived: input.archived }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKey }),
  });
}

export function useSaveOrganizationRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Partial<OrganizationRule>) => api.patch<OrganizationRule>('/organization-rule', input),
    onSuccess: (rule) => queryClient.setQueryData(ruleKey, rule),
  });
}

/** Adding a product or an organization changes the account, its projects and organizations: all are read again. */
function useAccountWrite<TInput, TOutput>(accountId: string, write: (input: TInput) => Promise<TOutput>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['products'] }), queryClient.invalidateQueries({ queryKey: ['accounts'] }), queryClient.invalidateQueries({ queryKey: ['projects'] }), queryClient.invalidateQueries({ queryKey: ['organizations'] })]),
  });
}

export const useAddAccountProduct = (accountId: string) =>
  useAccountWrite(accountId, (input: z.input<typeof AccountProductInput>) =>
    api.post<{ product: string; mode: 'project' | 'users_only'; projectId: string | null }>(`/accounts/${accountId}/products`, input),
  );
export const useAddOrganizationOnboarding = (accountId: string) =>
  useAccountWrite(accountId, (input: z.input<typeof OrganizationOnboardingInput>) =>
    api.post<{ organizationId: string; mode: 'project' | 'users_only'; projectId: string | null }>(`/accounts/${accountId}/organization-onboardings`, input),
  );
