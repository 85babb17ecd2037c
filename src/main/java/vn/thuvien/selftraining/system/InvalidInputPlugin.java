package vn.thuvien.selftraining.system;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * Installs {@link InvalidInputInterceptor} in front of the engine's transaction and
 * {@link InvalidInputUnwrapper} inside the command context, so a person's refused input is neither
 * shown in the engine's English nor logged as a server failure.
 */
@Component
public class InvalidInputPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(0, new InvalidInputInterceptor(configuration));
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    List<CommandInterceptor> inner = configuration.getCustomPostCommandInterceptorsTxRequired() == null
        ? new ArrayList<>()
        : new ArrayList<>(configuration.getCustomPostCommandInterceptorsTxRequired());
    inner.add(0, new InvalidInputUnwrapper());
    configuration.setCustomPostCommandInterceptorsTxRequired(inner);
  }
}
