import * as $protobuf from "protobufjs/minimal.js";
import Long = require("long");

/** Namespace sluice. */
export namespace sluice {

    /** Namespace v1. */
    namespace v1 {

        /**
         * Properties of a Frame.
         * @deprecated Use sluice.v1.Frame.$Properties instead.
         */
        interface IFrame extends sluice.v1.Frame.$Properties {
        }

        /** Represents a Frame. */
        class Frame {

            /**
             * Constructs a new Frame.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Frame.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Frame timeMs. */
            timeMs: (number|Long);

            /** Frame catalogHash. */
            catalogHash: number;

            /** Frame birth. */
            birth?: (sluice.v1.Birth.$Properties|null);

            /** Frame keyframe. */
            keyframe?: (sluice.v1.Keyframe.$Properties|null);

            /** Frame delta. */
            delta?: (sluice.v1.Delta.$Properties|null);

            /** Frame heartbeat. */
            heartbeat?: (sluice.v1.Heartbeat.$Properties|null);

            /** Frame history. */
            history?: (sluice.v1.History.$Properties|null);

            /** Frame body. */
            body?: ("birth"|"keyframe"|"delta"|"heartbeat"|"history");

            /**
             * Creates a new Frame instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Frame instance
             */
            static create(properties: sluice.v1.Frame.$Shape): sluice.v1.Frame & sluice.v1.Frame.$Shape;
            static create(properties?: sluice.v1.Frame.$Properties): sluice.v1.Frame;

            /**
             * Encodes the specified Frame message. Does not implicitly {@link sluice.v1.Frame.verify|verify} messages.
             * @param message Frame message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Frame.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Frame & sluice.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Frame & sluice.v1.Frame.$Shape;
        }

        namespace Frame {

            /** Properties of a Frame. */
            interface $Properties {

                /** Frame timeMs */
                timeMs?: (number|Long|null);

                /** Frame catalogHash */
                catalogHash?: (number|null);

                /** Frame birth */
                birth?: (sluice.v1.Birth.$Properties|null);

                /** Frame keyframe */
                keyframe?: (sluice.v1.Keyframe.$Properties|null);

                /** Frame delta */
                delta?: (sluice.v1.Delta.$Properties|null);

                /** Frame heartbeat */
                heartbeat?: (sluice.v1.Heartbeat.$Properties|null);

                /** Frame history */
                history?: (sluice.v1.History.$Properties|null);

                /** Frame body */
                body?: ("birth"|"keyframe"|"delta"|"heartbeat"|"history");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a Frame. */
            type $Shape = {
              timeMs?: number|Long|null;
              catalogHash?: number|null;
              birth?: sluice.v1.Birth.$Shape|null;
              keyframe?: sluice.v1.Keyframe.$Shape|null;
              delta?: sluice.v1.Delta.$Shape|null;
              heartbeat?: sluice.v1.Heartbeat.$Shape|null;
              history?: sluice.v1.History.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ body?: undefined; birth?: null; keyframe?: null; delta?: null; heartbeat?: null; history?: null }|{ body?: "birth"; birth: sluice.v1.Birth.$Shape; keyframe?: null; delta?: null; heartbeat?: null; history?: null }|{ body?: "keyframe"; birth?: null; keyframe: sluice.v1.Keyframe.$Shape; delta?: null; heartbeat?: null; history?: null }|{ body?: "delta"; birth?: null; keyframe?: null; delta: sluice.v1.Delta.$Shape; heartbeat?: null; history?: null }|{ body?: "heartbeat"; birth?: null; keyframe?: null; delta?: null; heartbeat: sluice.v1.Heartbeat.$Shape; history?: null }|{ body?: "history"; birth?: null; keyframe?: null; delta?: null; heartbeat?: null; history: sluice.v1.History.$Shape })
            );
        }

        /** TagType enum. */
        enum TagType {

            /** TAG_TYPE_UNSPECIFIED value */
            TAG_TYPE_UNSPECIFIED = 0,

            /** TAG_TYPE_BOOL value */
            TAG_TYPE_BOOL = 1,

            /** TAG_TYPE_INT16 value */
            TAG_TYPE_INT16 = 2,

            /** TAG_TYPE_UINT16 value */
            TAG_TYPE_UINT16 = 3,

            /** TAG_TYPE_INT32 value */
            TAG_TYPE_INT32 = 4,

            /** TAG_TYPE_UINT32 value */
            TAG_TYPE_UINT32 = 5,

            /** TAG_TYPE_INT64 value */
            TAG_TYPE_INT64 = 6,

            /** TAG_TYPE_UINT64 value */
            TAG_TYPE_UINT64 = 7,

            /** TAG_TYPE_FLOAT32 value */
            TAG_TYPE_FLOAT32 = 8,

            /** TAG_TYPE_FLOAT64 value */
            TAG_TYPE_FLOAT64 = 9,

            /** TAG_TYPE_STRING value */
            TAG_TYPE_STRING = 10
        }

        /**
         * Properties of a Birth.
         * @deprecated Use sluice.v1.Birth.$Properties instead.
         */
        interface IBirth extends sluice.v1.Birth.$Properties {
        }

        /** Represents a Birth. */
        class Birth {

            /**
             * Constructs a new Birth.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Birth.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Birth part. */
            part: number;

            /** Birth parts. */
            parts: number;

            /** Birth tagCount. */
            tagCount: number;

            /** Birth firstAlias. */
            firstAlias: number;

            /** Birth tags. */
            tags: sluice.v1.Tag.$Properties[];

            /**
             * Creates a new Birth instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Birth instance
             */
            static create(properties: sluice.v1.Birth.$Shape): sluice.v1.Birth & sluice.v1.Birth.$Shape;
            static create(properties?: sluice.v1.Birth.$Properties): sluice.v1.Birth;

            /**
             * Encodes the specified Birth message. Does not implicitly {@link sluice.v1.Birth.verify|verify} messages.
             * @param message Birth message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Birth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Birth message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Birth & sluice.v1.Birth.$Shape} Birth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Birth & sluice.v1.Birth.$Shape;
        }

        namespace Birth {

            /** Properties of a Birth. */
            interface $Properties {

                /** Birth part */
                part?: (number|null);

                /** Birth parts */
                parts?: (number|null);

                /** Birth tagCount */
                tagCount?: (number|null);

                /** Birth firstAlias */
                firstAlias?: (number|null);

                /** Birth tags */
                tags?: (sluice.v1.Tag.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Birth. */
            type $Shape = sluice.v1.Birth.$Properties;
        }

        /**
         * Properties of a Tag.
         * @deprecated Use sluice.v1.Tag.$Properties instead.
         */
        interface ITag extends sluice.v1.Tag.$Properties {
        }

        /** Represents a Tag. */
        class Tag {

            /**
             * Constructs a new Tag.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Tag.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Tag shared. */
            shared: number;

            /** Tag suffix. */
            suffix: string;

            /** Tag type. */
            type: sluice.v1.TagType;

            /** Tag unit. */
            unit: string;

            /** Tag range. */
            range: number[];

            /** Tag description. */
            description: string;

            /**
             * Creates a new Tag instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Tag instance
             */
            static create(properties: sluice.v1.Tag.$Shape): sluice.v1.Tag & sluice.v1.Tag.$Shape;
            static create(properties?: sluice.v1.Tag.$Properties): sluice.v1.Tag;

            /**
             * Encodes the specified Tag message. Does not implicitly {@link sluice.v1.Tag.verify|verify} messages.
             * @param message Tag message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Tag.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Tag message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Tag & sluice.v1.Tag.$Shape} Tag
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Tag & sluice.v1.Tag.$Shape;
        }

        namespace Tag {

            /** Properties of a Tag. */
            interface $Properties {

                /** Tag shared */
                shared?: (number|null);

                /** Tag suffix */
                suffix?: (string|null);

                /** Tag type */
                type?: (sluice.v1.TagType|null);

                /** Tag unit */
                unit?: (string|null);

                /** Tag range */
                range?: (number[]|null);

                /** Tag description */
                description?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Tag. */
            type $Shape = sluice.v1.Tag.$Properties;
        }

        /**
         * Properties of a Keyframe.
         * @deprecated Use sluice.v1.Keyframe.$Properties instead.
         */
        interface IKeyframe extends sluice.v1.Keyframe.$Properties {
        }

        /** Represents a Keyframe. */
        class Keyframe {

            /**
             * Constructs a new Keyframe.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Keyframe.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Keyframe part. */
            part: number;

            /** Keyframe parts. */
            parts: number;

            /** Keyframe values. */
            values?: (sluice.v1.Values.$Properties|null);

            /**
             * Creates a new Keyframe instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Keyframe instance
             */
            static create(properties: sluice.v1.Keyframe.$Shape): sluice.v1.Keyframe & sluice.v1.Keyframe.$Shape;
            static create(properties?: sluice.v1.Keyframe.$Properties): sluice.v1.Keyframe;

            /**
             * Encodes the specified Keyframe message. Does not implicitly {@link sluice.v1.Keyframe.verify|verify} messages.
             * @param message Keyframe message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Keyframe.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Keyframe message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Keyframe & sluice.v1.Keyframe.$Shape} Keyframe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Keyframe & sluice.v1.Keyframe.$Shape;
        }

        namespace Keyframe {

            /** Properties of a Keyframe. */
            interface $Properties {

                /** Keyframe part */
                part?: (number|null);

                /** Keyframe parts */
                parts?: (number|null);

                /** Keyframe values */
                values?: (sluice.v1.Values.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Keyframe. */
            type $Shape = sluice.v1.Keyframe.$Properties;
        }

        /**
         * Properties of a Delta.
         * @deprecated Use sluice.v1.Delta.$Properties instead.
         */
        interface IDelta extends sluice.v1.Delta.$Properties {
        }

        /** Represents a Delta. */
        class Delta {

            /**
             * Constructs a new Delta.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Delta.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Delta values. */
            values?: (sluice.v1.Values.$Properties|null);

            /**
             * Creates a new Delta instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Delta instance
             */
            static create(properties: sluice.v1.Delta.$Shape): sluice.v1.Delta & sluice.v1.Delta.$Shape;
            static create(properties?: sluice.v1.Delta.$Properties): sluice.v1.Delta;

            /**
             * Encodes the specified Delta message. Does not implicitly {@link sluice.v1.Delta.verify|verify} messages.
             * @param message Delta message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Delta.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Delta message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Delta & sluice.v1.Delta.$Shape} Delta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Delta & sluice.v1.Delta.$Shape;
        }

        namespace Delta {

            /** Properties of a Delta. */
            interface $Properties {

                /** Delta values */
                values?: (sluice.v1.Values.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Delta. */
            type $Shape = sluice.v1.Delta.$Properties;
        }

        /**
         * Properties of a History.
         * @deprecated Use sluice.v1.History.$Properties instead.
         */
        interface IHistory extends sluice.v1.History.$Properties {
        }

        /** Represents a History. */
        class History {

            /**
             * Constructs a new History.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.History.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** History fromMs. */
            fromMs: (number|Long);

            /** History toMs. */
            toMs: (number|Long);

            /** History part. */
            part: number;

            /** History parts. */
            parts: number;

            /** History values. */
            values?: (sluice.v1.Values.$Properties|null);

            /**
             * Creates a new History instance using the specified properties.
             * @param [properties] Properties to set
             * @returns History instance
             */
            static create(properties: sluice.v1.History.$Shape): sluice.v1.History & sluice.v1.History.$Shape;
            static create(properties?: sluice.v1.History.$Properties): sluice.v1.History;

            /**
             * Encodes the specified History message. Does not implicitly {@link sluice.v1.History.verify|verify} messages.
             * @param message History message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.History.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a History message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.History & sluice.v1.History.$Shape} History
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.History & sluice.v1.History.$Shape;
        }

        namespace History {

            /** Properties of a History. */
            interface $Properties {

                /** History fromMs */
                fromMs?: (number|Long|null);

                /** History toMs */
                toMs?: (number|Long|null);

                /** History part */
                part?: (number|null);

                /** History parts */
                parts?: (number|null);

                /** History values */
                values?: (sluice.v1.Values.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a History. */
            type $Shape = sluice.v1.History.$Properties;
        }

        /**
         * Properties of a Values.
         * @deprecated Use sluice.v1.Values.$Properties instead.
         */
        interface IValues extends sluice.v1.Values.$Properties {
        }

        /** Represents a Values. */
        class Values {

            /**
             * Constructs a new Values.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Values.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Values aliases. */
            aliases: number[];

            /** Values firstAlias. */
            firstAlias: number;

            /** Values count. */
            count: number;

            /** Values ints. */
            ints: number[];

            /** Values uints. */
            uints: number[];

            /** Values longs. */
            longs: (number|Long)[];

            /** Values ulongs. */
            ulongs: (number|Long)[];

            /** Values floats. */
            floats: number[];

            /** Values doubles. */
            doubles: number[];

            /** Values strings. */
            strings: string[];

            /** Values nulls. */
            nulls: number[];

            /** Values statusAt. */
            statusAt: number[];

            /** Values status. */
            status: number[];

            /** Values timeAt. */
            timeAt: number[];

            /** Values times. */
            times: (number|Long)[];

            /**
             * Creates a new Values instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Values instance
             */
            static create(properties: sluice.v1.Values.$Shape): sluice.v1.Values & sluice.v1.Values.$Shape;
            static create(properties?: sluice.v1.Values.$Properties): sluice.v1.Values;

            /**
             * Encodes the specified Values message. Does not implicitly {@link sluice.v1.Values.verify|verify} messages.
             * @param message Values message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Values.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Values message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Values & sluice.v1.Values.$Shape} Values
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Values & sluice.v1.Values.$Shape;
        }

        namespace Values {

            /** Properties of a Values. */
            interface $Properties {

                /** Values aliases */
                aliases?: (number[]|null);

                /** Values firstAlias */
                firstAlias?: (number|null);

                /** Values count */
                count?: (number|null);

                /** Values ints */
                ints?: (number[]|null);

                /** Values uints */
                uints?: (number[]|null);

                /** Values longs */
                longs?: ((number|Long)[]|null);

                /** Values ulongs */
                ulongs?: ((number|Long)[]|null);

                /** Values floats */
                floats?: (number[]|null);

                /** Values doubles */
                doubles?: (number[]|null);

                /** Values strings */
                strings?: (string[]|null);

                /** Values nulls */
                nulls?: (number[]|null);

                /** Values statusAt */
                statusAt?: (number[]|null);

                /** Values status */
                status?: (number[]|null);

                /** Values timeAt */
                timeAt?: (number[]|null);

                /** Values times */
                times?: ((number|Long)[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Values. */
            type $Shape = sluice.v1.Values.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use sluice.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends sluice.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat startedAt. */
            startedAt: (number|Long);

            /** Heartbeat policyHash. */
            policyHash: string;

            /** Heartbeat sources. */
            sources: sluice.v1.Source.$Properties[];

            /** Heartbeat blocked. */
            blocked: { [k: string]: (number|Long) };

            /** Heartbeat journal. */
            journal?: (sluice.v1.Journal.$Properties|null);

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: sluice.v1.Heartbeat.$Shape): sluice.v1.Heartbeat & sluice.v1.Heartbeat.$Shape;
            static create(properties?: sluice.v1.Heartbeat.$Properties): sluice.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link sluice.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Heartbeat & sluice.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Heartbeat & sluice.v1.Heartbeat.$Shape;
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat startedAt */
                startedAt?: (number|Long|null);

                /** Heartbeat policyHash */
                policyHash?: (string|null);

                /** Heartbeat sources */
                sources?: (sluice.v1.Source.$Properties[]|null);

                /** Heartbeat blocked */
                blocked?: ({ [k: string]: (number|Long) }|null);

                /** Heartbeat journal */
                journal?: (sluice.v1.Journal.$Properties|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = sluice.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of a Journal.
         * @deprecated Use sluice.v1.Journal.$Properties instead.
         */
        interface IJournal extends sluice.v1.Journal.$Properties {
        }

        /** Represents a Journal. */
        class Journal {

            /**
             * Constructs a new Journal.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Journal.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Journal fromMs. */
            fromMs?: (number|Long|null);

            /** Journal samples. */
            samples: (number|Long);

            /** Journal bytes. */
            bytes: (number|Long);

            /** Journal degraded. */
            degraded: boolean;

            /**
             * Creates a new Journal instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Journal instance
             */
            static create(properties: sluice.v1.Journal.$Shape): sluice.v1.Journal & sluice.v1.Journal.$Shape;
            static create(properties?: sluice.v1.Journal.$Properties): sluice.v1.Journal;

            /**
             * Encodes the specified Journal message. Does not implicitly {@link sluice.v1.Journal.verify|verify} messages.
             * @param message Journal message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Journal.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Journal message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Journal & sluice.v1.Journal.$Shape} Journal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Journal & sluice.v1.Journal.$Shape;
        }

        namespace Journal {

            /** Properties of a Journal. */
            interface $Properties {

                /** Journal fromMs */
                fromMs?: (number|Long|null);

                /** Journal samples */
                samples?: (number|Long|null);

                /** Journal bytes */
                bytes?: (number|Long|null);

                /** Journal degraded */
                degraded?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Journal. */
            type $Shape = sluice.v1.Journal.$Properties;
        }

        /**
         * Properties of a Source.
         * @deprecated Use sluice.v1.Source.$Properties instead.
         */
        interface ISource extends sluice.v1.Source.$Properties {
        }

        /** Represents a Source. */
        class Source {

            /**
             * Constructs a new Source.
             * @param [properties] Properties to set
             */
            constructor(properties?: sluice.v1.Source.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Source name. */
            name: string;

            /** Source protocol. */
            protocol: sluice.v1.Protocol;

            /** Source state. */
            state: sluice.v1.SourceState;

            /** Source lastPollTime. */
            lastPollTime?: (number|Long|null);

            /** Source pollsOk. */
            pollsOk: (number|Long);

            /** Source pollsError. */
            pollsError: (number|Long);

            /** Source overruns. */
            overruns: (number|Long);

            /** Source lastError. */
            lastError: string;

            /**
             * Creates a new Source instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Source instance
             */
            static create(properties: sluice.v1.Source.$Shape): sluice.v1.Source & sluice.v1.Source.$Shape;
            static create(properties?: sluice.v1.Source.$Properties): sluice.v1.Source;

            /**
             * Encodes the specified Source message. Does not implicitly {@link sluice.v1.Source.verify|verify} messages.
             * @param message Source message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encode(message: sluice.v1.Source.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Source message from the specified reader or buffer.
             * @param reader Reader or buffer to decode from
             * @param [length] Message length if known beforehand
             * @returns {sluice.v1.Source & sluice.v1.Source.$Shape} Source
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(reader: ($protobuf.Reader|Uint8Array), length?: number): sluice.v1.Source & sluice.v1.Source.$Shape;
        }

        namespace Source {

            /** Properties of a Source. */
            interface $Properties {

                /** Source name */
                name?: (string|null);

                /** Source protocol */
                protocol?: (sluice.v1.Protocol|null);

                /** Source state */
                state?: (sluice.v1.SourceState|null);

                /** Source lastPollTime */
                lastPollTime?: (number|Long|null);

                /** Source pollsOk */
                pollsOk?: (number|Long|null);

                /** Source pollsError */
                pollsError?: (number|Long|null);

                /** Source overruns */
                overruns?: (number|Long|null);

                /** Source lastError */
                lastError?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Source. */
            type $Shape = sluice.v1.Source.$Properties;
        }

        /** Protocol enum. */
        enum Protocol {

            /** PROTOCOL_UNSPECIFIED value */
            PROTOCOL_UNSPECIFIED = 0,

            /** PROTOCOL_MODBUS value */
            PROTOCOL_MODBUS = 1,

            /** PROTOCOL_S7 value */
            PROTOCOL_S7 = 2,

            /** PROTOCOL_ENIP value */
            PROTOCOL_ENIP = 3,

            /** PROTOCOL_OPCUA value */
            PROTOCOL_OPCUA = 4
        }

        /** SourceState enum. */
        enum SourceState {

            /** SOURCE_STATE_UNSPECIFIED value */
            SOURCE_STATE_UNSPECIFIED = 0,

            /** SOURCE_STATE_CONNECTING value */
            SOURCE_STATE_CONNECTING = 1,

            /** SOURCE_STATE_UP value */
            SOURCE_STATE_UP = 2,

            /** SOURCE_STATE_DEGRADED value */
            SOURCE_STATE_DEGRADED = 3,

            /** SOURCE_STATE_BACKOFF value */
            SOURCE_STATE_BACKOFF = 4,

            /** SOURCE_STATE_DOWN value */
            SOURCE_STATE_DOWN = 5
        }
    }
}
