package dev.slowfast.contract;

import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands the case groups nested in a contract class (ApiContract's {@code cases/}, AppProcessContract's
 * {@code process/}) what the enclosing contract prepared for them, so each group is one line there.
 */
abstract class EnclosingContractResolver<C, T> implements ParameterResolver {

    private final Class<C> contract;
    private final Class<T> type;
    private final Function<C, T> prepared;

    EnclosingContractResolver(Class<C> contract, Class<T> type, Function<C, T> prepared) {
        this.contract = contract;
        this.type = type;
        this.prepared = prepared;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return prepared.apply(context.getRequiredTestInstances().findInstance(contract).orElseThrow());
    }
}
