package dev.slowfast.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exitHereIfFailed;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;

/**
 * The CRUD mix: each user creates a contact, lists a page, reads, replaces and deletes its contact,
 * so the table stays small however long the run.
 */
public class ContactsSimulation extends StairStepSimulation {

    private static final String CONTACT = """
            {"name":"Ada Lovelace","email":"ada@example.org","phone":"+44 20 7946 0000"}""";
    private static final String REPLACEMENT = """
            {"name":"Ada King","email":"countess@example.org","phone":null}""";

    public ContactsSimulation() {
        super("contacts");
        stairs(timed("create", http(named("create")).post("/contacts").body(StringBody(CONTACT)).asJson()
                        .check(header("Location").saveAs("location")), 201)
                .exec(exitHereIfFailed())
                .exec(timed("list", http(named("list")).get("/contacts?limit=20"), 200))
                .exec(timed("read", http(named("read")).get("#{location}"), 200))
                .exec(timed("replace", http(named("replace")).put("#{location}").body(StringBody(REPLACEMENT)).asJson(), 200))
                .exec(timed("delete", http(named("delete")).delete("#{location}"), 204)));
    }
}
