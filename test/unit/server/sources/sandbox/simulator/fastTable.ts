// The fleet's table 20× faster, so every cause shows within seconds in a test.

import { FLEET_TABLE, scaleTable } from '../../../../../../src/server/sources/sandbox/simulator/table';

export const FAST = scaleTable(FLEET_TABLE, 0.05);
