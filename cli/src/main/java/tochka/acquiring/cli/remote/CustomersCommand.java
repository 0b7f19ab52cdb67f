package tochka.acquiring.cli.remote;

import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import tochka.acquiring.api.Customer;
import tochka.acquiring.api.Permission;
import tochka.acquiring.client.TochkaClient;

/** {@code tochka customers}: the companies the token acts for, as the guide's first step finds its customerCode. */
@Command(
        name = "customers",
        mixinStandardHelpOptions = true,
        description = "List the companies the token acts for: their customerCode is what payments need.",
        footer = {"%nExample:", "  tochka customers --profile data/demo.env"})
public final class CustomersCommand extends RemoteCommand {

    @Override
    int run(TochkaClient client) {
        List<Customer> customers = client.customers().list();
        if (output.json()) {
            output.printJson(customers);
            return 0;
        }
        Table table = new Table("CUSTOMER CODE", "TYPE", "NAME", "INN");
        for (Customer customer : customers) {
            table.row(
                    customer.customerCode(),
                    customer.customerType(),
                    customer.shortName() != null ? customer.shortName() : customer.fullName(),
                    customer.taxCode());
        }
        table.print(output.out());
        return 0;
    }

    @Override
    @Nullable
    Permission permission() {
        return Permission.ReadCustomerData;
    }
}
