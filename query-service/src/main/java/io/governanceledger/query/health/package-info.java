/** Whether the read models keep up: the state of every event processor, in the health endpoint. */
package io.governanceledger.query.health;
