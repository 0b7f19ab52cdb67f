import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.CreatedPayment;
import tochka.acquiring.api.CustomerType;
import tochka.acquiring.client.PaymentLinkRequest;
import tochka.acquiring.client.TochkaClient;

/** The guide's steps with the SDK: find the Business customerCode, create a payment link, read its status. */
public class Quickstart {
    public static void main(String[] args) {
        TochkaClient tochka = TochkaClient.builder()
                .baseUrl(System.getenv("TOCHKA_BASE_URL")) // at the bank: .production()
                .token(System.getenv("TOCHKA_TOKEN")) // the JWT key from "Интеграции и API"
                .build();
        String customerCode = tochka.customers().list().stream() // the guide's step: the Business customerCode
                .filter(customer -> customer.customerType() == CustomerType.Business)
                .findFirst().orElseThrow().customerCode();
        CreatedPayment link = tochka.payments().create(PaymentLinkRequest.builder()
                .customerCode(customerCode)
                .amount("1500.00")
                .purpose("Order 42")
                .paymentModes(AcquiringPaymentMode.CARD, AcquiringPaymentMode.SBP)
                .build());
        System.out.println("Pay at " + link.paymentLink());
        System.out.println("Status: " + tochka.payments().get(link.operationId()).status()); // APPROVED once paid
    }
}
