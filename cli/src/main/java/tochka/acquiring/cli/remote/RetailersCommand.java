package tochka.acquiring.cli.remote;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import tochka.acquiring.api.AcquiringPaymentMode;
import tochka.acquiring.api.Permission;
import tochka.acquiring.api.Retailer;
import tochka.acquiring.client.TochkaClient;

/** {@code tochka retailers}: the company's retail points, whose merchantId a payment link may name. */
@Command(
        name = "retailers",
        mixinStandardHelpOptions = true,
        description = {
            "List the company's retailers (acquiring retail points): their merchantId, status and payment modes.",
            "Only a retailer in status REG that is active takes payments."
        },
        footer = {
            "%nExample:",
            "  tochka retailers --profile data/demo.env",
            "  tochka retailers --profile data/demo.env --json"
        })
public final class RetailersCommand extends RemoteCommand {

    @Override
    int run(TochkaClient client) {
        List<Retailer> retailers = client.customers().retailers(connection.customerCode(client));
        if (output.json()) {
            output.printJson(retailers);
            return 0;
        }
        Table table = new Table("MERCHANT ID", "STATUS", "ACTIVE", "NAME", "URL", "MODES");
        for (Retailer retailer : retailers) {
            table.row(
                    retailer.merchantId(),
                    retailer.status(),
                    retailer.isActive() ? "yes" : "no",
                    retailer.name(),
                    retailer.url(),
                    modes(retailer.paymentModes()));
        }
        table.print(output.out());
        return 0;
    }

    private static @Nullable String modes(@Nullable List<AcquiringPaymentMode> modes) {
        if (modes == null) return null;
        return modes.stream().map(AcquiringPaymentMode::value).collect(Collectors.joining(","));
    }

    @Override
    @Nullable
    Permission permission() {
        return Permission.ReadAcquiringData;
    }
}
