// The app shell: top navigation, language toggle, and the hash routes.
import './style.css';
import { render } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { dir, LangContext, type Lang, saveLang, savedLang, translator, useT } from './i18n';
import { link, type Route, useRoute } from './router';
import { ArticlePage } from './pages/article';
import { ContradictionsPage } from './pages/contradictions';
import { EntitiesPage, EntityPage } from './pages/entities';
import { MapPage } from './pages/map';
import { SearchPage } from './pages/search';
import { StatementsPage } from './pages/statements';
import { StoriesPage, StoryPage } from './pages/stories';

const NAV = ['search', 'stories', 'statements', 'entities', 'contradictions', 'map'] as const;

function App() {
  const [lang, setLang] = useState<Lang>(savedLang);
  const t = useMemo(() => translator(lang), [lang]);
  const route = useRoute();

  // The interface language sets the page's lang/dir; Arabic data keeps dir="rtl" where it is shown.
  useEffect(() => {
    document.documentElement.lang = lang;
    document.documentElement.dir = dir(lang);
    document.title = `${t('app')} — ${t('tagline')}`;
    saveLang(lang);
  }, [lang]);

  return (
    <LangContext.Provider value={t}>
      <header class="topbar">
        <a class="brand" href={link('search')}>
          {t('app')}
        </a>
        <nav class="nav">
          {NAV.map((n) => (
            <a key={n} href={link(n)} data-testid={`nav-${n}`} class={route.parts[0] === n ? 'current' : undefined} aria-current={route.parts[0] === n ? 'page' : undefined}>
              {t(`nav.${n}`)}
            </a>
          ))}
        </nav>
        {/* The button names the other language in that language: mark it so (for screen readers). */}
        <button type="button" class="lang" lang={lang === 'ar' ? 'en' : 'ar'} data-testid="lang-toggle" title={t('lang.toggleTitle')} onClick={() => setLang(lang === 'ar' ? 'en' : 'ar')}>
          {t('lang.toggle')}
        </button>
      </header>
      <main class="main">
        <Page route={route} />
      </main>
    </LangContext.Provider>
  );
}

function Page({ route }: { route: Route }) {
  const [section, id] = route.parts;
  // Each id-keyed page remounts when its id changes, so no state leaks from one entity to the next.
  switch (section) {
    case undefined:
    case 'search':
      return <SearchPage route={route} />;
    case 'stories':
      return id ? <StoryPage key={id} id={id} /> : <StoriesPage route={route} />;
    case 'statements':
      return <StatementsPage route={route} />;
    case 'entities':
      return id ? <EntityPage key={id} id={id} /> : <EntitiesPage route={route} />;
    case 'contradictions':
      return <ContradictionsPage route={route} />;
    case 'map':
      return <MapPage route={route} />;
    case 'articles':
      return id ? <ArticlePage key={id} id={id} route={route} /> : <NotFound />;
    default:
      return <NotFound />;
  }
}

function NotFound() {
  const t = useT();
  return <p class="state">{t('notFound')}</p>;
}

render(<App />, document.getElementById('app')!);
