package tochka.acquiring.api;

import java.util.List;

/**
 * {@code ConsentTypeEnum}: the permission names of the spec's {@code security} blocks and of consents. Acquiring
 * needs {@link #ReadCustomerData}, {@link #ReadAcquiringData} and {@link #MakeAcquiringOperation}; webhooks need
 * {@link #ManageWebhookData}.
 */
public enum Permission {
    ReadAccountsBasic,
    ReadAccountsDetail,
    ReadBalances,
    ReadStatements,
    ReadTransactionsBasic,
    ReadTransactionsCredits,
    ReadTransactionsDebits,
    ReadTransactionsDetail,
    ReadCustomerData,
    ReadSBPData,
    EditSBPData,
    ReadSBPData1C,
    EditSBPData1C,
    CreatePaymentForSign,
    CreatePaymentOrder,
    ReadAcquiringData,
    MakeAcquiringOperation,
    ManageInvoiceData,
    ManageWebhookData,
    MakeCustomer,
    ManageGuarantee;

    /** Every permission that acquiring and its webhooks use: what the demo key carries. */
    public static final List<Permission> ACQUIRING =
            List.of(ReadCustomerData, ReadAcquiringData, MakeAcquiringOperation, ManageWebhookData);
}
