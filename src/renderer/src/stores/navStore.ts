import { create } from 'zustand';
import { isPageId, type PageId } from '../pages/routes';

/** The current page, mirrored in the URL hash (#/review) so a reload or a screenshot tour lands on it. */
interface NavState {
  page: PageId;
  go(page: PageId): void;
}

const fromHash = (): PageId => {
  const id = window.location.hash.replace(/^#\/?/, '');
  return isPageId(id) ? id : 'import';
};

/** Whether the window opened without a page in its address: the app then picks the start page. */
export const openedWithoutPage = !isPageId(window.location.hash.replace(/^#\/?/, ''));

export const useNav = create<NavState>((set) => ({
  page: fromHash(),
  go(page) {
    if (window.location.hash !== `#/${page}`) window.location.hash = `/${page}`;
    set({ page });
  },
}));

window.addEventListener('hashchange', () => useNav.setState({ page: fromHash() }));
