import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { JourneyMap, JourneyMapQuery } from '../../../contract/journey.ts';
import { api } from '../../app/api.ts';

export type { JourneyMap };

export const useJourneyMap = (query: JourneyMapQuery) =>
  useQuery({
    queryKey: ['journey-map', query],
    queryFn: () => api.get<JourneyMap>('/journey-map', { playbookId: query.playbookId, segment: query.segment }),
    placeholderData: keepPreviousData,
  });
