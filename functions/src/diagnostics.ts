// Emulator-only HTTP endpoint for `npm run bench`: the backend's own read/write counts.
import { onRequest } from 'firebase-functions/v2/https';
import { config } from './config';
import { costReport, resetCosts } from './costs';

export const benchCosts = onRequest((request, response) => {
  if (!config.emulated) {
    response.status(404).send('not found');
    return;
  }
  if (request.method === 'DELETE') resetCosts();
  response.json(costReport());
});
