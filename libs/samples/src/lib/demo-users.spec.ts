import { DEMO_USERS, findDemoUser } from './demo-users';

describe('the demo users', () => {
  it('are ada, grace and alan, in that order (docs/contracts.md), and cannot be changed', () => {
    expect(DEMO_USERS.map((user) => user.id)).toEqual(['ada', 'grace', 'alan']);
    expect(Object.isFrozen(DEMO_USERS)).toBe(true);
  });

  it('are found by id, and nothing else finds one', () => {
    expect(findDemoUser('grace')).toEqual({ id: 'grace', email: 'grace@example.com', firstname: 'Grace', lastname: 'Hopper' });
    for (const notAnId of ['Grace', 'nobody', '', undefined, null, 1, ['ada'], { id: 'ada' }])
      expect(findDemoUser(notAnId)).toBeUndefined();
  });
});
