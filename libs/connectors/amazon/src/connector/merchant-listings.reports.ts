import { ConnectorError } from '@urikiri/connector-sdk';
import {
  MERCHANT_LISTINGS_REPORT,
  type CreateReportResponse,
  type CreateReportSpecification,
  type Report,
  type ReportDocument,
} from '../amazon-wire.types';
import type { AmazonSettings } from '../amazon.settings';
import { pollUntil, type AmazonCaller } from './amazon-caller';
import {
  parseMerchantListingsReport,
  type MerchantListingRow,
} from './merchant-listings-report.parser';

/**
 * The merchant listings report (GET_MERCHANT_LISTINGS_ALL_DATA): every listing of the account in
 * one file, for reconciliation and catalogue import at scale where getListingsItem at 5 calls a
 * second would take hours. The last report read is kept so catalogue pages do not fetch it again.
 */
export class MerchantListingsReports {
  private cached: { reportId: string; rows: MerchantListingRow[] } | null =
    null;

  constructor(
    private readonly caller: AmazonCaller,
    private readonly marketplaceId: string,
    private readonly settings: AmazonSettings,
  ) {}

  /** Requests a new report and waits for it. */
  async fresh(): Promise<{ reportId: string; rows: MerchantListingRow[] }> {
    const spec: CreateReportSpecification = {
      reportType: MERCHANT_LISTINGS_REPORT,
      marketplaceIds: [this.marketplaceId],
    };
    const { reportId } = await this.caller.call<CreateReportResponse>(
      'catalogue',
      'createReport',
      {
        method: 'POST',
        url: '/reports/2021-06-30/reports',
        data: spec,
      },
    );
    const report = await pollUntil(
      this.caller,
      {
        startMs: this.settings.pollStartMs,
        maxMs: this.settings.pollMaxMs,
        timeoutMs: this.settings.reportTimeoutMs,
      },
      async () => {
        const current = await this.report(reportId);
        return current.processingStatus === 'IN_QUEUE' ||
          current.processingStatus === 'IN_PROGRESS'
          ? null
          : current;
      },
    );
    if (report === null) {
      throw new ConnectorError(
        'retryable',
        `Amazon merchant listings report ${reportId} was not ready after ${this.settings.reportTimeoutMs} ms (reportTimeoutMs)`,
      );
    }
    return this.remember(reportId, await this.rowsOf(report));
  }

  /** The rows of an earlier report, from memory or downloaded again while Amazon keeps it. */
  async rows(reportId: string): Promise<MerchantListingRow[]> {
    if (this.cached?.reportId === reportId) {
      return this.cached.rows;
    }
    return this.remember(
      reportId,
      await this.rowsOf(await this.report(reportId)),
    ).rows;
  }

  private async report(reportId: string): Promise<Report> {
    return this.caller.call<Report>('catalogue', 'getReport', {
      method: 'GET',
      url: `/reports/2021-06-30/reports/${encodeURIComponent(reportId)}`,
    });
  }

  private async rowsOf(report: Report): Promise<MerchantListingRow[]> {
    if (report.processingStatus === 'CANCELLED') {
      // Amazon cancels a report that has no data: the account has no listings in this marketplace.
      return [];
    }
    if (
      report.processingStatus !== 'DONE' ||
      report.reportDocumentId === undefined
    ) {
      throw new ConnectorError(
        report.processingStatus === 'FATAL' ? 'permanent' : 'retryable',
        `Amazon merchant listings report ${report.reportId} is ${report.processingStatus}; no listings could be read`,
      );
    }
    const document = await this.caller.call<
      ReportDocument & { compressionAlgorithm?: 'GZIP' }
    >('catalogue', 'getReportDocument', {
      method: 'GET',
      url: `/reports/2021-06-30/documents/${encodeURIComponent(report.reportDocumentId)}`,
    });
    return parseMerchantListingsReport(
      await this.caller.download(document.url, document.compressionAlgorithm),
    );
  }

  private remember(
    reportId: string,
    rows: MerchantListingRow[],
  ): { reportId: string; rows: MerchantListingRow[] } {
    this.cached = { reportId, rows };
    return this.cached;
  }
}
