/**
 * CSV as the ledger writes it for spreadsheets and auditors: RFC 4180 quoting, and cells that a
 * spreadsheet would run as a formula written as text.
 */
package io.governanceledger.query.csv;
