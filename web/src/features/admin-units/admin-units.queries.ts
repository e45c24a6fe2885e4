/** Queries for administrative units: reference data that rarely changes, so cached for long. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, type AdminUnit } from '../../app/api.ts';

export const CURRENT_VERSION = 'vn-2025';
const LONG = 60 * 60 * 1000;

export const versionsQuery = queryOptions({
  queryKey: ['admin-units', 'versions'],
  queryFn: () => api.get('/api/admin-units/versions'),
  staleTime: LONG,
});

/** Every unit matching a filter, fetched page by page (a province has at most a few hundred communes). */
async function listAll(query: { version: string; level?: 'province' | 'district' | 'commune'; province?: string; parent?: string }): Promise<AdminUnit[]> {
  const pageSize = 200;
  const items: AdminUnit[] = [];
  for (let page = 1; ; page++) {
    const answer = await api.get('/api/admin-units', { query: { ...query, page, pageSize } });
    items.push(...answer.items);
    if (items.length >= answer.total || answer.items.length === 0) return items;
  }
}

export function useProvinces(version = CURRENT_VERSION) {
  return useQuery({
    queryKey: ['admin-units', 'provinces', version],
    queryFn: () => listAll({ version, level: 'province' }),
    staleTime: LONG,
  });
}

export function useCommunes(provinceCode: string | null | undefined, version = CURRENT_VERSION) {
  return useQuery({
    queryKey: ['admin-units', 'communes', version, provinceCode],
    queryFn: () => listAll({ version, level: 'commune', province: provinceCode! }),
    enabled: !!provinceCode,
    staleTime: LONG,
  });
}
