package io.databridge.test.app;

import org.springframework.stereotype.Service;

/** A service, which a {@code @DataBridgeTest} leaves out of its context. */
@Service
public class NoteService {}
