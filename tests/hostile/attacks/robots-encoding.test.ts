/** Attack 9: robots.txt bypassed by percent-encoding the disallowed path. */
import { describe, expect, it } from 'vitest';
import { normaliseRobotsPath, parseRobots } from '../../../src/crawl/robots.js';

const ROBOTS = 'User-agent: *\nDisallow: /private/\nDisallow: /%7Euser/\nDisallow: /a%2fb\nAllow: /private/ok\n';
const rules = parseRobots('http://portal.test/robots.txt', ROBOTS, 'nianbao');

describe('robots.txt matching on normalised paths', () => {
  it.each(['/%70rivate/report.html', '/%70%72%69%76%61%74%65/x', '/private/x', '//private/x', '/~user/', '/%7euser/', '/a%2Fb'])('refuses %s', (path) => {
    expect(rules.isAllowed(`http://portal.test${path}`)).toBe(false);
  });

  it.each(['/public/x', '/a/b', '/private/ok', '/%70rivate/ok', '/privatex'])('allows %s', (path) => {
    expect(rules.isAllowed(`http://portal.test${path}`)).toBe(true);
  });

  it('matches a rule written in Chinese against the URL in either case of hex', () => {
    const chinese = parseRobots('http://portal.test/robots.txt', 'User-agent: *\nDisallow: /年报/\n', 'nianbao');
    for (const path of ['/%E5%B9%B4%E6%8A%A5/2023.htm', '/%e5%b9%b4%e6%8a%a5/2023.htm', '/年报/2023.htm']) expect(chinese.isAllowed(`http://portal.test${path}`), path).toBe(false);
    expect(chinese.isAllowed('http://portal.test/%E5%B9%B4/2023.htm')).toBe(true);
  });

  it('decodes unreserved characters only, keeping reserved escapes with upper-case hex', () => {
    expect(normaliseRobotsPath('/%41%2d%2E%5f%7E%2f%3f%e5%b9%b4')).toBe('/A-._~%2F%3F%E5%B9%B4');
  });
});
