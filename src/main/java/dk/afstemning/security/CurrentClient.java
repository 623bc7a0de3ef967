package dk.afstemning.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;

/** The {@link ClientAddress} key of the REST request being served. */
@ApplicationScoped
public class CurrentClient {

    @Inject
    HttpServerRequest request;

    /** The client key of the current request; only inside a request. */
    public String key() {
        return ClientAddress.of(request);
    }
}
