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

  it('decodes unreserved characters only, keeping reserved escapes with upper-case hex', () => {
    expect(normaliseRobotsPath('/%41%2d%2E%5f%7E%2f%3f%e5%b9%b4')).toBe('/A-._~%2F%3F%E5%B9%B4');
  });
});
