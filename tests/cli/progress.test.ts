import { createProgress } from '../../src/cli/progress';

function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { isTTY, write: (s: string) => (written.push(s), true) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

describe('progress bar', () => {
  it('draws on a terminal and erases itself when finished', () => {
    const { stream, written } = fakeStream(true);
    const p = createProgress(4, stream);
    p.update(1, '读取 a.xlsx');
    p.update(4, '检查中');
    p.finish();
    expect(written[0]).toBe('\r[######------------------] 1/4 读取 a.xlsx\x1b[K');
    expect(written[1]).toContain('[########################] 4/4 检查中');
    expect(written[2]).toBe('\r\x1b[K');
  });

  it('writes nothing when stderr is not a terminal', () => {
    const { stream, written } = fakeStream(false);
    const p = createProgress(4, stream);
    p.update(2, 'x');
    p.finish();
    expect(written).toEqual([]);
  });
});
