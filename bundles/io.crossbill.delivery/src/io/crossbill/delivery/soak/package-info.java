/**
 * A process for the crash test: takes in and delivers synthetic records so that the test can kill it
 * with SIGKILL and check that nothing was lost or doubled. Not API.
 */
package io.crossbill.delivery.soak;
