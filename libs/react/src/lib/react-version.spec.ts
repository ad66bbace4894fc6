import { version } from 'react';
import { renderToString } from 'react-dom/server';
import { version as domVersion } from 'react-dom';

// Set per Jest project in jest.config.cjs: the same specs run once on React 19 and once on React 18.
declare const EXPECTED_REACT_MAJOR: number;

describe('the React this Jest project runs on', () => {
  it('is the major version the project is for, for react and react-dom alike', () => {
    expect(Number(version.split('.')[0])).toBe(EXPECTED_REACT_MAJOR);
    expect(domVersion).toBe(version);
    expect(renderToString(null)).toBe('');
  });
});
