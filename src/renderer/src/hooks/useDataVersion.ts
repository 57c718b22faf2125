import { useEffect, useState } from 'react';
import { api } from '../api';

/** A number that goes up whenever the core says data changed: part of a load key, it refetches. */
export function useDataVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(() => api().on('data.changed', () => setVersion((v) => v + 1)), []);
  return version;
}
