import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { onDemand } from './onDemand';

/** Records every time the boundary's fallback is drawn, so a brief suspension is seen too. */
function Waiting({ seen }: { seen: string[] }) {
  seen.push('fallback');
  return <p>waiting</p>;
}

describe('onDemand pages', () => {
  it('a page preloaded before its first showing renders at once, never through the fallback', async () => {
    const Page = onDemand(async () => (props: { name: string }) => <p>page of {props.name}</p>);
    await Page.preload();
    const seen: string[] = [];
    render(
      <Suspense fallback={<Waiting seen={seen} />}>
        <Page name="今日概况" />
      </Suspense>,
    );
    // No await: the first commit already holds the page (a suspended page would wait ≥ 300 ms).
    expect(screen.getByText('page of 今日概况')).toBeTruthy();
    expect(seen).toEqual([]);
  });

  it('a page not preloaded still loads on its first showing, behind the fallback', async () => {
    const Page = onDemand(async () => () => <p>a page</p>);
    const seen: string[] = [];
    render(
      <Suspense fallback={<Waiting seen={seen} />}>
        <Page />
      </Suspense>,
    );
    expect(seen).toContain('fallback');
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 400));
    });
    expect(screen.getByText('a page')).toBeTruthy();
  });
});
