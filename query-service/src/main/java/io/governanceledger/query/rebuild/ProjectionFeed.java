package io.governanceledger.query.rebuild;

import io.governanceledger.query.timeline.ProjectionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.springframework.context.ApplicationContext;

/**
 * Hands events straight to the projections' event handlers, outside their processors: for replays
 * into a scratch copy of the read models. The caller owns the transaction (and the schema it writes to).
 */
public final class ProjectionFeed {

    private final List<AnnotationEventHandlerAdapter> projections;
    private final ProjectionStore store;

    private ProjectionFeed(List<AnnotationEventHandlerAdapter> projections, ProjectionStore store) {
        this.projections = projections;
        this.store = store;
    }

    /** The projections of the processing groups {@code groups} accepts. */
    public static ProjectionFeed of(
            ApplicationContext context, org.axonframework.config.Configuration axon, Predicate<String> groups) {
        List<AnnotationEventHandlerAdapter> adapters = new ArrayList<>();
        for (var named : context.getBeansWithAnnotation(ProcessingGroup.class).entrySet()) {
            Object bean = named.getValue();
            ProcessingGroup group = context.findAnnotationOnBean(named.getKey(), ProcessingGroup.class);
            if (group != null && groups.test(group.value())) {
                adapters.add(new AnnotationEventHandlerAdapter(
                        bean, axon.parameterResolverFactory(), axon.handlerDefinition(bean.getClass())));
            }
        }
        if (adapters.isEmpty()) {
            throw new IllegalArgumentException("no projection belongs to the processing groups asked for");
        }
        return new ProjectionFeed(List.copyOf(adapters), context.getBean(ProjectionStore.class));
    }

    /**
     * Hands each event, in order, to every projection that handles it, and writes what they queued:
     * the caller's transaction can read the read models right after, whether it then commits or not.
     */
    public void feed(List<? extends EventMessage<?>> events) {
        events.forEach(this::feed);
        store.flush();
    }

    private void feed(EventMessage<?> event) {
        DefaultUnitOfWork<EventMessage<?>> unitOfWork = DefaultUnitOfWork.startAndGet(event);
        var result = unitOfWork.executeWithResult(() -> {
            for (AnnotationEventHandlerAdapter projection : projections) {
                if (projection.canHandle(event)) {
                    projection.handle(event);
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException(
                    "could not project event " + event.getIdentifier(), result.exceptionResult());
        }
    }
}
