import type { SeedConversation, SeedData } from './seed-data.js';

/**
 * The CLI's own demo set (the host's demo script lives in http-fastify, which depends on
 * this package). Same four people as the host's demo, so handles work in both; the
 * conversations are different. 30 messages: enough for two BatchWriteItem chunks.
 */
const say = (from: string, text: string) => ({ from, text });

const REHEARSAL: SeedConversation = {
  groupUuid: '5b1e0c4a-7d0f-4c55-9a43-3f0a1c2d8e01',
  members: ['mira', 'tomas'],
  messages: [
    say('mira', 'Rehearsal moved to Thursday, the hall is booked on Wednesday.'),
    say('tomas', 'Thursday works. Same time?'),
    say('mira', '19:00, doors open at 18:45.'),
    say('tomas', 'Should I bring the small amp or the big one?'),
    say('mira', 'Small one. The hall has a PA.'),
    say('tomas', 'Good, my back thanks you.'),
    say('mira', 'We need to decide the set list for the fair.'),
    say('tomas', 'Open with the slow one, then speed up?'),
    say('mira', 'I would open loud. People are walking past, we need them to stop.'),
    say('tomas', 'Fair point. Loud first, slow one third.'),
    say('mira', 'Can you write the bridge for the new song by Thursday?'),
    say('tomas', 'I have two ideas. I will record both on my phone.'),
    say('mira', 'Send them tonight if you can, I want to hear them on the bus.'),
    say('tomas', 'Sent. The second one is rougher but I like it more.'),
    say('mira', 'The second one! Definitely the second one.'),
    say('tomas', 'Ha, knew it. See you Thursday.'),
  ],
};

const UMBRELLA: SeedConversation = {
  groupUuid: '5b1e0c4a-7d0f-4c55-9a43-3f0a1c2d8e02',
  members: ['ines', 'kofi'],
  messages: [
    say('ines', 'Did I leave a green umbrella at your place?'),
    say('kofi', 'There is a green umbrella by the door, yes.'),
    say('ines', 'Phew. It was my grandmother’s.'),
    say('kofi', 'I will bring it to the market on Saturday.'),
    say('ines', 'Perfect, I will be at the flower stall from 9.'),
    say('kofi', 'If it rains before then, may I borrow it?'),
    say('ines', 'Only if you bring it back dry 🙂'),
    say('kofi', 'Deal.'),
  ],
};

const RECIPE: SeedConversation = {
  groupUuid: '5b1e0c4a-7d0f-4c55-9a43-3f0a1c2d8e03',
  members: ['mira', 'ines'],
  messages: [
    say('ines', 'What was in that soup on Sunday?'),
    say('mira', 'Roasted squash, ginger, coconut milk. And too much chilli.'),
    say('ines', 'It was exactly the right amount of chilli.'),
    say('mira', 'I will write it down for you.'),
    say('ines', 'Bring the recipe on Thursday?'),
    say('mira', 'It will be on a napkin, as tradition demands.'),
  ],
};

export const DEMO_SEED: SeedData = {
  users: [
    {
      uuid: '0d6c6a5e-2f4b-4a4e-8c1d-6f1d2b7e9a01',
      handle: 'mira',
      displayName: 'Mira Okafor',
      email: 'mira@cruddur.test',
    },
    {
      uuid: '0d6c6a5e-2f4b-4a4e-8c1d-6f1d2b7e9a02',
      handle: 'tomas',
      displayName: 'Tomás Lindqvist',
      email: 'tomas@cruddur.test',
    },
    {
      uuid: '0d6c6a5e-2f4b-4a4e-8c1d-6f1d2b7e9a03',
      handle: 'ines',
      displayName: 'Inês Duarte',
      email: 'ines@cruddur.test',
    },
    {
      uuid: '0d6c6a5e-2f4b-4a4e-8c1d-6f1d2b7e9a04',
      handle: 'kofi',
      displayName: 'Kofi Mensah',
      email: 'kofi@cruddur.test',
    },
  ],
  conversations: [REHEARSAL, UMBRELLA, RECIPE],
};
