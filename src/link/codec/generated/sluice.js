/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const sluice = $root.sluice = (() => {

    /**
     * Namespace sluice.
     * @exports sluice
     * @namespace
     */
    const sluice = {};

    sluice.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof sluice
         * @namespace
         */
        const v1 = {};

        v1.Frame = (function() {

            /**
             * Properties of a Frame.
             * @typedef {Object} sluice.v1.Frame.$Properties
             * @property {number|Long|null} [timeMs] Frame timeMs
             * @property {number|null} [catalogHash] Frame catalogHash
             * @property {sluice.v1.Birth.$Properties|null} [birth] Frame birth
             * @property {sluice.v1.Keyframe.$Properties|null} [keyframe] Frame keyframe
             * @property {sluice.v1.Delta.$Properties|null} [delta] Frame delta
             * @property {sluice.v1.Heartbeat.$Properties|null} [heartbeat] Frame heartbeat
             * @property {sluice.v1.History.$Properties|null} [history] Frame history
             * @property {"birth"|"keyframe"|"delta"|"heartbeat"|"history"} [body] Frame body
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Frame.
             * @memberof sluice.v1
             * @interface IFrame
             * @augments sluice.v1.Frame.$Properties
             * @deprecated Use sluice.v1.Frame.$Properties instead.
             */

            /**
             * Narrowed shape of a Frame.
             * @typedef {{
             *   timeMs?: number|Long|null;
             *   catalogHash?: number|null;
             *   birth?: sluice.v1.Birth.$Shape|null;
             *   keyframe?: sluice.v1.Keyframe.$Shape|null;
             *   delta?: sluice.v1.Delta.$Shape|null;
             *   heartbeat?: sluice.v1.Heartbeat.$Shape|null;
             *   history?: sluice.v1.History.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ body?: undefined; birth?: null; keyframe?: null; delta?: null; heartbeat?: null; history?: null }|{ body?: "birth"; birth: sluice.v1.Birth.$Shape; keyframe?: null; delta?: null; heartbeat?: null; history?: null }|{ body?: "keyframe"; birth?: null; keyframe: sluice.v1.Keyframe.$Shape; delta?: null; heartbeat?: null; history?: null }|{ body?: "delta"; birth?: null; keyframe?: null; delta: sluice.v1.Delta.$Shape; heartbeat?: null; history?: null }|{ body?: "heartbeat"; birth?: null; keyframe?: null; delta?: null; heartbeat: sluice.v1.Heartbeat.$Shape; history?: null }|{ body?: "history"; birth?: null; keyframe?: null; delta?: null; heartbeat?: null; history: sluice.v1.History.$Shape })
             * )} sluice.v1.Frame.$Shape
             */

            /**
             * Constructs a new Frame.
             * @memberof sluice.v1
             * @classdesc Represents a Frame.
             * @constructor
             * @param {sluice.v1.Frame.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Frame = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Frame timeMs.
             * @member {number|Long} timeMs
             * @memberof sluice.v1.Frame
             * @instance
             */
            Frame.prototype.timeMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Frame catalogHash.
             * @member {number} catalogHash
             * @memberof sluice.v1.Frame
             * @instance
             */
            Frame.prototype.catalogHash = 0;

            /**
             * Frame birth.
             * @member {sluice.v1.Birth.$Properties|null|undefined} birth
             * @memberof sluice.v1.Frame
             * @instance
             */
            Frame.prototype.birth = null;

            /**
             * Frame keyframe.
             * @member {sluice.v1.Keyframe.$Properties|null|undefined} keyframe
             * @memberof sluice.v1.Frame
             * @instance
             */
            Frame.prototype.keyframe = null;

            /**
             * Frame delta.
             * @member {sluice.v1.Delta.$Properties|null|undefined} delta
             * @memberof sluice.v1.Frame
             * @instance
             */
            Frame.prototype.delta = null;

            /**
             * Frame heartbeat.
             * @member {sluice.v1.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof sluice.v1.Frame
             * @instance
             */
            Frame.prototype.heartbeat = null;

            /**
             * Frame history.
             * @member {sluice.v1.History.$Properties|null|undefined} history
             * @memberof sluice.v1.Frame
             * @instance
             */
            Frame.prototype.history = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * Frame body.
             * @member {"birth"|"keyframe"|"delta"|"heartbeat"|"history"|undefined} body
             * @memberof sluice.v1.Frame
             * @instance
             */
            $Object.defineProperty(Frame.prototype, "body", {
                get: $util.oneOfGetter($oneOfFields = ["birth", "keyframe", "delta", "heartbeat", "history"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Frame instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Frame
             * @static
             * @param {sluice.v1.Frame.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Frame} Frame instance
             * @type {{
             *   (properties: sluice.v1.Frame.$Shape): sluice.v1.Frame & sluice.v1.Frame.$Shape;
             *   (properties?: sluice.v1.Frame.$Properties): sluice.v1.Frame;
             * }}
             */
            Frame.create = function(properties) {
                return new Frame(properties);
            };

            /**
             * Encodes the specified Frame message. Does not implicitly {@link sluice.v1.Frame.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Frame
             * @static
             * @param {sluice.v1.Frame.$Properties} message Frame message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Frame.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.timeMs != null && $Object.hasOwnProperty.call(message, "timeMs") && (typeof message.timeMs === "object" ? message.timeMs.low || message.timeMs.high : message.timeMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.timeMs);
                if (message.catalogHash != null && $Object.hasOwnProperty.call(message, "catalogHash") && message.catalogHash !== 0)
                    writer.uint32(/* id 2, wireType 5 =*/21).fixed32(message.catalogHash);
                if (message.birth != null && $Object.hasOwnProperty.call(message, "birth"))
                    $root.sluice.v1.Birth.encode(message.birth, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.keyframe != null && $Object.hasOwnProperty.call(message, "keyframe"))
                    $root.sluice.v1.Keyframe.encode(message.keyframe, writer.uint32(/* id 4, wireType 2 =*/34).fork(), _depth + 1).ldelim();
                if (message.delta != null && $Object.hasOwnProperty.call(message, "delta"))
                    $root.sluice.v1.Delta.encode(message.delta, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.heartbeat != null && $Object.hasOwnProperty.call(message, "heartbeat"))
                    $root.sluice.v1.Heartbeat.encode(message.heartbeat, writer.uint32(/* id 6, wireType 2 =*/50).fork(), _depth + 1).ldelim();
                if (message.history != null && $Object.hasOwnProperty.call(message, "history"))
                    $root.sluice.v1.History.encode(message.history, writer.uint32(/* id 7, wireType 2 =*/58).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Frame message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Frame
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Frame & sluice.v1.Frame.$Shape} Frame
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Frame.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Frame();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.timeMs = value;
                            else
                                delete message.timeMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 5)
                                break;
                            if (value = reader.fixed32())
                                message.catalogHash = value;
                            else
                                delete message.catalogHash;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.birth = $root.sluice.v1.Birth.decode(reader, reader.size(), $undefined, _depth + 1, message.birth);
                            message.body = "birth";
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            message.keyframe = $root.sluice.v1.Keyframe.decode(reader, reader.size(), $undefined, _depth + 1, message.keyframe);
                            message.body = "keyframe";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.delta = $root.sluice.v1.Delta.decode(reader, reader.size(), $undefined, _depth + 1, message.delta);
                            message.body = "delta";
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            message.heartbeat = $root.sluice.v1.Heartbeat.decode(reader, reader.size(), $undefined, _depth + 1, message.heartbeat);
                            message.body = "heartbeat";
                            continue;
                        }
                    case 7: {
                            if (wireType !== 2)
                                break;
                            message.history = $root.sluice.v1.History.decode(reader, reader.size(), $undefined, _depth + 1, message.history);
                            message.body = "history";
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Frame;
        })();

        /**
         * TagType enum.
         * @name sluice.v1.TagType
         * @enum {number}
         * @property {number} TAG_TYPE_UNSPECIFIED=0 TAG_TYPE_UNSPECIFIED value
         * @property {number} TAG_TYPE_BOOL=1 TAG_TYPE_BOOL value
         * @property {number} TAG_TYPE_INT16=2 TAG_TYPE_INT16 value
         * @property {number} TAG_TYPE_UINT16=3 TAG_TYPE_UINT16 value
         * @property {number} TAG_TYPE_INT32=4 TAG_TYPE_INT32 value
         * @property {number} TAG_TYPE_UINT32=5 TAG_TYPE_UINT32 value
         * @property {number} TAG_TYPE_INT64=6 TAG_TYPE_INT64 value
         * @property {number} TAG_TYPE_UINT64=7 TAG_TYPE_UINT64 value
         * @property {number} TAG_TYPE_FLOAT32=8 TAG_TYPE_FLOAT32 value
         * @property {number} TAG_TYPE_FLOAT64=9 TAG_TYPE_FLOAT64 value
         * @property {number} TAG_TYPE_STRING=10 TAG_TYPE_STRING value
         */
        v1.TagType = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "TAG_TYPE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "TAG_TYPE_BOOL"] = 1;
            values[valuesById[2] = "TAG_TYPE_INT16"] = 2;
            values[valuesById[3] = "TAG_TYPE_UINT16"] = 3;
            values[valuesById[4] = "TAG_TYPE_INT32"] = 4;
            values[valuesById[5] = "TAG_TYPE_UINT32"] = 5;
            values[valuesById[6] = "TAG_TYPE_INT64"] = 6;
            values[valuesById[7] = "TAG_TYPE_UINT64"] = 7;
            values[valuesById[8] = "TAG_TYPE_FLOAT32"] = 8;
            values[valuesById[9] = "TAG_TYPE_FLOAT64"] = 9;
            values[valuesById[10] = "TAG_TYPE_STRING"] = 10;
            return values;
        })();

        v1.Birth = (function() {

            /**
             * Properties of a Birth.
             * @typedef {Object} sluice.v1.Birth.$Properties
             * @property {number|null} [part] Birth part
             * @property {number|null} [parts] Birth parts
             * @property {number|null} [tagCount] Birth tagCount
             * @property {number|null} [firstAlias] Birth firstAlias
             * @property {Array.<sluice.v1.Tag.$Properties>|null} [tags] Birth tags
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Birth.
             * @memberof sluice.v1
             * @interface IBirth
             * @augments sluice.v1.Birth.$Properties
             * @deprecated Use sluice.v1.Birth.$Properties instead.
             */

            /**
             * Shape of a Birth.
             * @typedef {sluice.v1.Birth.$Properties} sluice.v1.Birth.$Shape
             */

            /**
             * Constructs a new Birth.
             * @memberof sluice.v1
             * @classdesc Represents a Birth.
             * @constructor
             * @param {sluice.v1.Birth.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Birth = function (properties) {
                this.tags = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Birth part.
             * @member {number} part
             * @memberof sluice.v1.Birth
             * @instance
             */
            Birth.prototype.part = 0;

            /**
             * Birth parts.
             * @member {number} parts
             * @memberof sluice.v1.Birth
             * @instance
             */
            Birth.prototype.parts = 0;

            /**
             * Birth tagCount.
             * @member {number} tagCount
             * @memberof sluice.v1.Birth
             * @instance
             */
            Birth.prototype.tagCount = 0;

            /**
             * Birth firstAlias.
             * @member {number} firstAlias
             * @memberof sluice.v1.Birth
             * @instance
             */
            Birth.prototype.firstAlias = 0;

            /**
             * Birth tags.
             * @member {Array.<sluice.v1.Tag.$Properties>} tags
             * @memberof sluice.v1.Birth
             * @instance
             */
            Birth.prototype.tags = $util.emptyArray;

            /**
             * Creates a new Birth instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Birth
             * @static
             * @param {sluice.v1.Birth.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Birth} Birth instance
             * @type {{
             *   (properties: sluice.v1.Birth.$Shape): sluice.v1.Birth & sluice.v1.Birth.$Shape;
             *   (properties?: sluice.v1.Birth.$Properties): sluice.v1.Birth;
             * }}
             */
            Birth.create = function(properties) {
                return new Birth(properties);
            };

            /**
             * Encodes the specified Birth message. Does not implicitly {@link sluice.v1.Birth.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Birth
             * @static
             * @param {sluice.v1.Birth.$Properties} message Birth message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Birth.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.part != null && $Object.hasOwnProperty.call(message, "part") && message.part !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.part);
                if (message.parts != null && $Object.hasOwnProperty.call(message, "parts") && message.parts !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.parts);
                if (message.tagCount != null && $Object.hasOwnProperty.call(message, "tagCount") && message.tagCount !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.tagCount);
                if (message.firstAlias != null && $Object.hasOwnProperty.call(message, "firstAlias") && message.firstAlias !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.firstAlias);
                if (message.tags != null && message.tags.length)
                    for (let i = 0; i < message.tags.length; ++i)
                        $root.sluice.v1.Tag.encode(message.tags[i], writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Birth message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Birth
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Birth & sluice.v1.Birth.$Shape} Birth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Birth.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Birth();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.part = value;
                            else
                                delete message.part;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.parts = value;
                            else
                                delete message.parts;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.tagCount = value;
                            else
                                delete message.tagCount;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.firstAlias = value;
                            else
                                delete message.firstAlias;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            if (!(message.tags && message.tags.length))
                                message.tags = [];
                            message.tags.push($root.sluice.v1.Tag.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Birth;
        })();

        v1.Tag = (function() {

            /**
             * Properties of a Tag.
             * @typedef {Object} sluice.v1.Tag.$Properties
             * @property {number|null} [shared] Tag shared
             * @property {string|null} [suffix] Tag suffix
             * @property {sluice.v1.TagType|null} [type] Tag type
             * @property {string|null} [unit] Tag unit
             * @property {Array.<number>|null} [range] Tag range
             * @property {string|null} [description] Tag description
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Tag.
             * @memberof sluice.v1
             * @interface ITag
             * @augments sluice.v1.Tag.$Properties
             * @deprecated Use sluice.v1.Tag.$Properties instead.
             */

            /**
             * Shape of a Tag.
             * @typedef {sluice.v1.Tag.$Properties} sluice.v1.Tag.$Shape
             */

            /**
             * Constructs a new Tag.
             * @memberof sluice.v1
             * @classdesc Represents a Tag.
             * @constructor
             * @param {sluice.v1.Tag.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Tag = function (properties) {
                this.range = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Tag shared.
             * @member {number} shared
             * @memberof sluice.v1.Tag
             * @instance
             */
            Tag.prototype.shared = 0;

            /**
             * Tag suffix.
             * @member {string} suffix
             * @memberof sluice.v1.Tag
             * @instance
             */
            Tag.prototype.suffix = "";

            /**
             * Tag type.
             * @member {sluice.v1.TagType} type
             * @memberof sluice.v1.Tag
             * @instance
             */
            Tag.prototype.type = 0;

            /**
             * Tag unit.
             * @member {string} unit
             * @memberof sluice.v1.Tag
             * @instance
             */
            Tag.prototype.unit = "";

            /**
             * Tag range.
             * @member {Array.<number>} range
             * @memberof sluice.v1.Tag
             * @instance
             */
            Tag.prototype.range = $util.emptyArray;

            /**
             * Tag description.
             * @member {string} description
             * @memberof sluice.v1.Tag
             * @instance
             */
            Tag.prototype.description = "";

            /**
             * Creates a new Tag instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Tag
             * @static
             * @param {sluice.v1.Tag.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Tag} Tag instance
             * @type {{
             *   (properties: sluice.v1.Tag.$Shape): sluice.v1.Tag & sluice.v1.Tag.$Shape;
             *   (properties?: sluice.v1.Tag.$Properties): sluice.v1.Tag;
             * }}
             */
            Tag.create = function(properties) {
                return new Tag(properties);
            };

            /**
             * Encodes the specified Tag message. Does not implicitly {@link sluice.v1.Tag.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Tag
             * @static
             * @param {sluice.v1.Tag.$Properties} message Tag message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Tag.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.shared != null && $Object.hasOwnProperty.call(message, "shared") && message.shared !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.shared);
                if (message.suffix != null && $Object.hasOwnProperty.call(message, "suffix") && message.suffix !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.suffix);
                if (message.type != null && $Object.hasOwnProperty.call(message, "type") && message.type !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.type);
                if (message.unit != null && $Object.hasOwnProperty.call(message, "unit") && message.unit !== "")
                    writer.uint32(/* id 4, wireType 2 =*/34).string(message.unit);
                if (message.range != null && message.range.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).doubles(message.range);
                if (message.description != null && $Object.hasOwnProperty.call(message, "description") && message.description !== "")
                    writer.uint32(/* id 6, wireType 2 =*/50).string(message.description);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Tag message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Tag
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Tag & sluice.v1.Tag.$Shape} Tag
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Tag.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Tag();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.shared = value;
                            else
                                delete message.shared;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.suffix = value;
                            else
                                delete message.suffix;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.type = value;
                            else
                                delete message.type;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.unit = value;
                            else
                                delete message.unit;
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.range && message.range.length))
                                    message.range = [];
                                reader.doubles(message.range);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.range && message.range.length))
                                message.range = [];
                            message.range.push(reader.double());
                            continue;
                        }
                    case 6: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.description = value;
                            else
                                delete message.description;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Tag;
        })();

        v1.Keyframe = (function() {

            /**
             * Properties of a Keyframe.
             * @typedef {Object} sluice.v1.Keyframe.$Properties
             * @property {number|null} [part] Keyframe part
             * @property {number|null} [parts] Keyframe parts
             * @property {sluice.v1.Values.$Properties|null} [values] Keyframe values
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Keyframe.
             * @memberof sluice.v1
             * @interface IKeyframe
             * @augments sluice.v1.Keyframe.$Properties
             * @deprecated Use sluice.v1.Keyframe.$Properties instead.
             */

            /**
             * Shape of a Keyframe.
             * @typedef {sluice.v1.Keyframe.$Properties} sluice.v1.Keyframe.$Shape
             */

            /**
             * Constructs a new Keyframe.
             * @memberof sluice.v1
             * @classdesc Represents a Keyframe.
             * @constructor
             * @param {sluice.v1.Keyframe.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Keyframe = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Keyframe part.
             * @member {number} part
             * @memberof sluice.v1.Keyframe
             * @instance
             */
            Keyframe.prototype.part = 0;

            /**
             * Keyframe parts.
             * @member {number} parts
             * @memberof sluice.v1.Keyframe
             * @instance
             */
            Keyframe.prototype.parts = 0;

            /**
             * Keyframe values.
             * @member {sluice.v1.Values.$Properties|null|undefined} values
             * @memberof sluice.v1.Keyframe
             * @instance
             */
            Keyframe.prototype.values = null;

            /**
             * Creates a new Keyframe instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Keyframe
             * @static
             * @param {sluice.v1.Keyframe.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Keyframe} Keyframe instance
             * @type {{
             *   (properties: sluice.v1.Keyframe.$Shape): sluice.v1.Keyframe & sluice.v1.Keyframe.$Shape;
             *   (properties?: sluice.v1.Keyframe.$Properties): sluice.v1.Keyframe;
             * }}
             */
            Keyframe.create = function(properties) {
                return new Keyframe(properties);
            };

            /**
             * Encodes the specified Keyframe message. Does not implicitly {@link sluice.v1.Keyframe.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Keyframe
             * @static
             * @param {sluice.v1.Keyframe.$Properties} message Keyframe message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Keyframe.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.part != null && $Object.hasOwnProperty.call(message, "part") && message.part !== 0)
                    writer.uint32(/* id 1, wireType 0 =*/8).uint32(message.part);
                if (message.parts != null && $Object.hasOwnProperty.call(message, "parts") && message.parts !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.parts);
                if (message.values != null && $Object.hasOwnProperty.call(message, "values"))
                    $root.sluice.v1.Values.encode(message.values, writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Keyframe message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Keyframe
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Keyframe & sluice.v1.Keyframe.$Shape} Keyframe
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Keyframe.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Keyframe();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.part = value;
                            else
                                delete message.part;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.parts = value;
                            else
                                delete message.parts;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            message.values = $root.sluice.v1.Values.decode(reader, reader.size(), $undefined, _depth + 1, message.values);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Keyframe;
        })();

        v1.Delta = (function() {

            /**
             * Properties of a Delta.
             * @typedef {Object} sluice.v1.Delta.$Properties
             * @property {sluice.v1.Values.$Properties|null} [values] Delta values
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Delta.
             * @memberof sluice.v1
             * @interface IDelta
             * @augments sluice.v1.Delta.$Properties
             * @deprecated Use sluice.v1.Delta.$Properties instead.
             */

            /**
             * Shape of a Delta.
             * @typedef {sluice.v1.Delta.$Properties} sluice.v1.Delta.$Shape
             */

            /**
             * Constructs a new Delta.
             * @memberof sluice.v1
             * @classdesc Represents a Delta.
             * @constructor
             * @param {sluice.v1.Delta.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Delta = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Delta values.
             * @member {sluice.v1.Values.$Properties|null|undefined} values
             * @memberof sluice.v1.Delta
             * @instance
             */
            Delta.prototype.values = null;

            /**
             * Creates a new Delta instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Delta
             * @static
             * @param {sluice.v1.Delta.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Delta} Delta instance
             * @type {{
             *   (properties: sluice.v1.Delta.$Shape): sluice.v1.Delta & sluice.v1.Delta.$Shape;
             *   (properties?: sluice.v1.Delta.$Properties): sluice.v1.Delta;
             * }}
             */
            Delta.create = function(properties) {
                return new Delta(properties);
            };

            /**
             * Encodes the specified Delta message. Does not implicitly {@link sluice.v1.Delta.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Delta
             * @static
             * @param {sluice.v1.Delta.$Properties} message Delta message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Delta.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.values != null && $Object.hasOwnProperty.call(message, "values"))
                    $root.sluice.v1.Values.encode(message.values, writer.uint32(/* id 1, wireType 2 =*/10).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Delta message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Delta
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Delta & sluice.v1.Delta.$Shape} Delta
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Delta.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Delta();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            message.values = $root.sluice.v1.Values.decode(reader, reader.size(), $undefined, _depth + 1, message.values);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Delta;
        })();

        v1.History = (function() {

            /**
             * Properties of a History.
             * @typedef {Object} sluice.v1.History.$Properties
             * @property {number|Long|null} [fromMs] History fromMs
             * @property {number|Long|null} [toMs] History toMs
             * @property {number|null} [part] History part
             * @property {number|null} [parts] History parts
             * @property {sluice.v1.Values.$Properties|null} [values] History values
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a History.
             * @memberof sluice.v1
             * @interface IHistory
             * @augments sluice.v1.History.$Properties
             * @deprecated Use sluice.v1.History.$Properties instead.
             */

            /**
             * Shape of a History.
             * @typedef {sluice.v1.History.$Properties} sluice.v1.History.$Shape
             */

            /**
             * Constructs a new History.
             * @memberof sluice.v1
             * @classdesc Represents a History.
             * @constructor
             * @param {sluice.v1.History.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const History = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * History fromMs.
             * @member {number|Long} fromMs
             * @memberof sluice.v1.History
             * @instance
             */
            History.prototype.fromMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * History toMs.
             * @member {number|Long} toMs
             * @memberof sluice.v1.History
             * @instance
             */
            History.prototype.toMs = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * History part.
             * @member {number} part
             * @memberof sluice.v1.History
             * @instance
             */
            History.prototype.part = 0;

            /**
             * History parts.
             * @member {number} parts
             * @memberof sluice.v1.History
             * @instance
             */
            History.prototype.parts = 0;

            /**
             * History values.
             * @member {sluice.v1.Values.$Properties|null|undefined} values
             * @memberof sluice.v1.History
             * @instance
             */
            History.prototype.values = null;

            /**
             * Creates a new History instance using the specified properties.
             * @function create
             * @memberof sluice.v1.History
             * @static
             * @param {sluice.v1.History.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.History} History instance
             * @type {{
             *   (properties: sluice.v1.History.$Shape): sluice.v1.History & sluice.v1.History.$Shape;
             *   (properties?: sluice.v1.History.$Properties): sluice.v1.History;
             * }}
             */
            History.create = function(properties) {
                return new History(properties);
            };

            /**
             * Encodes the specified History message. Does not implicitly {@link sluice.v1.History.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.History
             * @static
             * @param {sluice.v1.History.$Properties} message History message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            History.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fromMs != null && $Object.hasOwnProperty.call(message, "fromMs") && (typeof message.fromMs === "object" ? message.fromMs.low || message.fromMs.high : message.fromMs !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.fromMs);
                if (message.toMs != null && $Object.hasOwnProperty.call(message, "toMs") && (typeof message.toMs === "object" ? message.toMs.low || message.toMs.high : message.toMs !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.toMs);
                if (message.part != null && $Object.hasOwnProperty.call(message, "part") && message.part !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.part);
                if (message.parts != null && $Object.hasOwnProperty.call(message, "parts") && message.parts !== 0)
                    writer.uint32(/* id 4, wireType 0 =*/32).uint32(message.parts);
                if (message.values != null && $Object.hasOwnProperty.call(message, "values"))
                    $root.sluice.v1.Values.encode(message.values, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a History message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.History
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.History & sluice.v1.History.$Shape} History
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            History.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.History();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.fromMs = value;
                            else
                                delete message.fromMs;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.toMs = value;
                            else
                                delete message.toMs;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.part = value;
                            else
                                delete message.part;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.parts = value;
                            else
                                delete message.parts;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.values = $root.sluice.v1.Values.decode(reader, reader.size(), $undefined, _depth + 1, message.values);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return History;
        })();

        v1.Values = (function() {

            /**
             * Properties of a Values.
             * @typedef {Object} sluice.v1.Values.$Properties
             * @property {Array.<number>|null} [aliases] Values aliases
             * @property {number|null} [firstAlias] Values firstAlias
             * @property {number|null} [count] Values count
             * @property {Array.<number>|null} [ints] Values ints
             * @property {Array.<number>|null} [uints] Values uints
             * @property {Array.<number|Long>|null} [longs] Values longs
             * @property {Array.<number|Long>|null} [ulongs] Values ulongs
             * @property {Array.<number>|null} [floats] Values floats
             * @property {Array.<number>|null} [doubles] Values doubles
             * @property {Array.<string>|null} [strings] Values strings
             * @property {Array.<number>|null} [nulls] Values nulls
             * @property {Array.<number>|null} [statusAt] Values statusAt
             * @property {Array.<number>|null} [status] Values status
             * @property {Array.<number>|null} [timeAt] Values timeAt
             * @property {Array.<number|Long>|null} [times] Values times
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Values.
             * @memberof sluice.v1
             * @interface IValues
             * @augments sluice.v1.Values.$Properties
             * @deprecated Use sluice.v1.Values.$Properties instead.
             */

            /**
             * Shape of a Values.
             * @typedef {sluice.v1.Values.$Properties} sluice.v1.Values.$Shape
             */

            /**
             * Constructs a new Values.
             * @memberof sluice.v1
             * @classdesc Represents a Values.
             * @constructor
             * @param {sluice.v1.Values.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Values = function (properties) {
                this.aliases = [];
                this.ints = [];
                this.uints = [];
                this.longs = [];
                this.ulongs = [];
                this.floats = [];
                this.doubles = [];
                this.strings = [];
                this.nulls = [];
                this.statusAt = [];
                this.status = [];
                this.timeAt = [];
                this.times = [];
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Values aliases.
             * @member {Array.<number>} aliases
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.aliases = $util.emptyArray;

            /**
             * Values firstAlias.
             * @member {number} firstAlias
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.firstAlias = 0;

            /**
             * Values count.
             * @member {number} count
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.count = 0;

            /**
             * Values ints.
             * @member {Array.<number>} ints
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.ints = $util.emptyArray;

            /**
             * Values uints.
             * @member {Array.<number>} uints
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.uints = $util.emptyArray;

            /**
             * Values longs.
             * @member {Array.<number|Long>} longs
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.longs = $util.emptyArray;

            /**
             * Values ulongs.
             * @member {Array.<number|Long>} ulongs
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.ulongs = $util.emptyArray;

            /**
             * Values floats.
             * @member {Array.<number>} floats
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.floats = $util.emptyArray;

            /**
             * Values doubles.
             * @member {Array.<number>} doubles
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.doubles = $util.emptyArray;

            /**
             * Values strings.
             * @member {Array.<string>} strings
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.strings = $util.emptyArray;

            /**
             * Values nulls.
             * @member {Array.<number>} nulls
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.nulls = $util.emptyArray;

            /**
             * Values statusAt.
             * @member {Array.<number>} statusAt
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.statusAt = $util.emptyArray;

            /**
             * Values status.
             * @member {Array.<number>} status
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.status = $util.emptyArray;

            /**
             * Values timeAt.
             * @member {Array.<number>} timeAt
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.timeAt = $util.emptyArray;

            /**
             * Values times.
             * @member {Array.<number|Long>} times
             * @memberof sluice.v1.Values
             * @instance
             */
            Values.prototype.times = $util.emptyArray;

            /**
             * Creates a new Values instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Values
             * @static
             * @param {sluice.v1.Values.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Values} Values instance
             * @type {{
             *   (properties: sluice.v1.Values.$Shape): sluice.v1.Values & sluice.v1.Values.$Shape;
             *   (properties?: sluice.v1.Values.$Properties): sluice.v1.Values;
             * }}
             */
            Values.create = function(properties) {
                return new Values(properties);
            };

            /**
             * Encodes the specified Values message. Does not implicitly {@link sluice.v1.Values.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Values
             * @static
             * @param {sluice.v1.Values.$Properties} message Values message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Values.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.aliases != null && message.aliases.length)
                    writer.uint32(/* id 1, wireType 2 =*/10).uint32s(message.aliases);
                if (message.firstAlias != null && $Object.hasOwnProperty.call(message, "firstAlias") && message.firstAlias !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).uint32(message.firstAlias);
                if (message.count != null && $Object.hasOwnProperty.call(message, "count") && message.count !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).uint32(message.count);
                if (message.ints != null && message.ints.length)
                    writer.uint32(/* id 4, wireType 2 =*/34).sint32s(message.ints);
                if (message.uints != null && message.uints.length)
                    writer.uint32(/* id 5, wireType 2 =*/42).uint32s(message.uints);
                if (message.longs != null && message.longs.length)
                    writer.uint32(/* id 6, wireType 2 =*/50).sint64s(message.longs);
                if (message.ulongs != null && message.ulongs.length)
                    writer.uint32(/* id 7, wireType 2 =*/58).uint64s(message.ulongs);
                if (message.floats != null && message.floats.length)
                    writer.uint32(/* id 8, wireType 2 =*/66).floats(message.floats);
                if (message.doubles != null && message.doubles.length)
                    writer.uint32(/* id 9, wireType 2 =*/74).doubles(message.doubles);
                if (message.strings != null && message.strings.length)
                    for (let i = 0; i < message.strings.length; ++i)
                        writer.uint32(/* id 10, wireType 2 =*/82).string(message.strings[i]);
                if (message.nulls != null && message.nulls.length)
                    writer.uint32(/* id 11, wireType 2 =*/90).uint32s(message.nulls);
                if (message.statusAt != null && message.statusAt.length)
                    writer.uint32(/* id 12, wireType 2 =*/98).uint32s(message.statusAt);
                if (message.status != null && message.status.length)
                    writer.uint32(/* id 13, wireType 2 =*/106).uint32s(message.status);
                if (message.timeAt != null && message.timeAt.length)
                    writer.uint32(/* id 14, wireType 2 =*/114).uint32s(message.timeAt);
                if (message.times != null && message.times.length)
                    writer.uint32(/* id 15, wireType 2 =*/122).sint64s(message.times);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Values message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Values
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Values & sluice.v1.Values.$Shape} Values
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Values.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Values();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType === 2) {
                                if (!(message.aliases && message.aliases.length))
                                    message.aliases = [];
                                reader.uint32s(message.aliases);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.aliases && message.aliases.length))
                                message.aliases = [];
                            message.aliases.push(reader.uint32());
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.firstAlias = value;
                            else
                                delete message.firstAlias;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.uint32())
                                message.count = value;
                            else
                                delete message.count;
                            continue;
                        }
                    case 4: {
                            if (wireType === 2) {
                                if (!(message.ints && message.ints.length))
                                    message.ints = [];
                                reader.sint32s(message.ints);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.ints && message.ints.length))
                                message.ints = [];
                            message.ints.push(reader.sint32());
                            continue;
                        }
                    case 5: {
                            if (wireType === 2) {
                                if (!(message.uints && message.uints.length))
                                    message.uints = [];
                                reader.uint32s(message.uints);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.uints && message.uints.length))
                                message.uints = [];
                            message.uints.push(reader.uint32());
                            continue;
                        }
                    case 6: {
                            if (wireType === 2) {
                                if (!(message.longs && message.longs.length))
                                    message.longs = [];
                                reader.sint64s(message.longs);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.longs && message.longs.length))
                                message.longs = [];
                            message.longs.push(reader.sint64());
                            continue;
                        }
                    case 7: {
                            if (wireType === 2) {
                                if (!(message.ulongs && message.ulongs.length))
                                    message.ulongs = [];
                                reader.uint64s(message.ulongs);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.ulongs && message.ulongs.length))
                                message.ulongs = [];
                            message.ulongs.push(reader.uint64());
                            continue;
                        }
                    case 8: {
                            if (wireType === 2) {
                                if (!(message.floats && message.floats.length))
                                    message.floats = [];
                                reader.floats(message.floats);
                                continue;
                            }
                            if (wireType !== 5)
                                break;
                            if (!(message.floats && message.floats.length))
                                message.floats = [];
                            message.floats.push(reader.float());
                            continue;
                        }
                    case 9: {
                            if (wireType === 2) {
                                if (!(message.doubles && message.doubles.length))
                                    message.doubles = [];
                                reader.doubles(message.doubles);
                                continue;
                            }
                            if (wireType !== 1)
                                break;
                            if (!(message.doubles && message.doubles.length))
                                message.doubles = [];
                            message.doubles.push(reader.double());
                            continue;
                        }
                    case 10: {
                            if (wireType !== 2)
                                break;
                            if (!(message.strings && message.strings.length))
                                message.strings = [];
                            message.strings.push(reader.stringVerify());
                            continue;
                        }
                    case 11: {
                            if (wireType === 2) {
                                if (!(message.nulls && message.nulls.length))
                                    message.nulls = [];
                                reader.uint32s(message.nulls);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.nulls && message.nulls.length))
                                message.nulls = [];
                            message.nulls.push(reader.uint32());
                            continue;
                        }
                    case 12: {
                            if (wireType === 2) {
                                if (!(message.statusAt && message.statusAt.length))
                                    message.statusAt = [];
                                reader.uint32s(message.statusAt);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.statusAt && message.statusAt.length))
                                message.statusAt = [];
                            message.statusAt.push(reader.uint32());
                            continue;
                        }
                    case 13: {
                            if (wireType === 2) {
                                if (!(message.status && message.status.length))
                                    message.status = [];
                                reader.uint32s(message.status);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.status && message.status.length))
                                message.status = [];
                            message.status.push(reader.uint32());
                            continue;
                        }
                    case 14: {
                            if (wireType === 2) {
                                if (!(message.timeAt && message.timeAt.length))
                                    message.timeAt = [];
                                reader.uint32s(message.timeAt);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.timeAt && message.timeAt.length))
                                message.timeAt = [];
                            message.timeAt.push(reader.uint32());
                            continue;
                        }
                    case 15: {
                            if (wireType === 2) {
                                if (!(message.times && message.times.length))
                                    message.times = [];
                                reader.sint64s(message.times);
                                continue;
                            }
                            if (wireType !== 0)
                                break;
                            if (!(message.times && message.times.length))
                                message.times = [];
                            message.times.push(reader.sint64());
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Values;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} sluice.v1.Heartbeat.$Properties
             * @property {number|Long|null} [startedAt] Heartbeat startedAt
             * @property {string|null} [policyHash] Heartbeat policyHash
             * @property {Array.<sluice.v1.Source.$Properties>|null} [sources] Heartbeat sources
             * @property {Object.<string,number|Long>|null} [blocked] Heartbeat blocked
             * @property {sluice.v1.Journal.$Properties|null} [journal] Heartbeat journal
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof sluice.v1
             * @interface IHeartbeat
             * @augments sluice.v1.Heartbeat.$Properties
             * @deprecated Use sluice.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {sluice.v1.Heartbeat.$Properties} sluice.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof sluice.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {sluice.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (properties) {
                this.sources = [];
                this.blocked = {};
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Heartbeat startedAt.
             * @member {number|Long} startedAt
             * @memberof sluice.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.startedAt = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Heartbeat policyHash.
             * @member {string} policyHash
             * @memberof sluice.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.policyHash = "";

            /**
             * Heartbeat sources.
             * @member {Array.<sluice.v1.Source.$Properties>} sources
             * @memberof sluice.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sources = $util.emptyArray;

            /**
             * Heartbeat blocked.
             * @member {Object.<string,number|Long>} blocked
             * @memberof sluice.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.blocked = $util.emptyObject;

            /**
             * Heartbeat journal.
             * @member {sluice.v1.Journal.$Properties|null|undefined} journal
             * @memberof sluice.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.journal = null;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Heartbeat
             * @static
             * @param {sluice.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: sluice.v1.Heartbeat.$Shape): sluice.v1.Heartbeat & sluice.v1.Heartbeat.$Shape;
             *   (properties?: sluice.v1.Heartbeat.$Properties): sluice.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link sluice.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Heartbeat
             * @static
             * @param {sluice.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.startedAt != null && $Object.hasOwnProperty.call(message, "startedAt") && (typeof message.startedAt === "object" ? message.startedAt.low || message.startedAt.high : message.startedAt !== 0))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.startedAt);
                if (message.policyHash != null && $Object.hasOwnProperty.call(message, "policyHash") && message.policyHash !== "")
                    writer.uint32(/* id 2, wireType 2 =*/18).string(message.policyHash);
                if (message.sources != null && message.sources.length)
                    for (let i = 0; i < message.sources.length; ++i)
                        $root.sluice.v1.Source.encode(message.sources[i], writer.uint32(/* id 3, wireType 2 =*/26).fork(), _depth + 1).ldelim();
                if (message.blocked != null && $Object.hasOwnProperty.call(message, "blocked"))
                    for (let keys = $Object.keys(message.blocked), i = 0; i < keys.length; ++i)
                        writer.uint32(/* id 4, wireType 2 =*/34).fork().uint32(/* id 1, wireType 2 =*/10).string(keys[i]).uint32(/* id 2, wireType 0 =*/16).uint64(message.blocked[keys[i]]).ldelim();
                if (message.journal != null && $Object.hasOwnProperty.call(message, "journal"))
                    $root.sluice.v1.Journal.encode(message.journal, writer.uint32(/* id 5, wireType 2 =*/42).fork(), _depth + 1).ldelim();
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Heartbeat & sluice.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, key, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Heartbeat();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.startedAt = value;
                            else
                                delete message.startedAt;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.policyHash = value;
                            else
                                delete message.policyHash;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 2)
                                break;
                            if (!(message.sources && message.sources.length))
                                message.sources = [];
                            message.sources.push($root.sluice.v1.Source.decode(reader, reader.size(), $undefined, _depth + 1));
                            continue;
                        }
                    case 4: {
                            if (wireType !== 2)
                                break;
                            if (message.blocked === $util.emptyObject)
                                message.blocked = {};
                            let end2 = reader.size() + reader.pos;
                            if (end2 > reader.len)
                                throw $RangeError("index out of range");
                            reader.len = end2;
                            key = "";
                            value = $util.Long ? $util.Long.fromNumber(0, true) : 0;
                            while (reader.pos < end2) {
                                let tag2 = reader.tag();
                                wireType = tag2 & 7;
                                switch (tag2 >>>= 3) {
                                case 1:
                                    if (wireType !== 2)
                                        break;
                                    key = reader.stringVerify();
                                    continue;
                                case 2:
                                    if (wireType !== 0)
                                        break;
                                    value = reader.uint64();
                                    continue;
                                }
                                reader.skipType(wireType, _depth, tag2);
                            }
                            if (reader.pos !== end2)
                                throw $RangeError("index out of range");
                            reader.len = end;
                            if (key === "__proto__")
                                $util.makeProp(message.blocked, key);
                            message.blocked[key] = value;
                            continue;
                        }
                    case 5: {
                            if (wireType !== 2)
                                break;
                            message.journal = $root.sluice.v1.Journal.decode(reader, reader.size(), $undefined, _depth + 1, message.journal);
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Heartbeat;
        })();

        v1.Journal = (function() {

            /**
             * Properties of a Journal.
             * @typedef {Object} sluice.v1.Journal.$Properties
             * @property {number|Long|null} [fromMs] Journal fromMs
             * @property {number|Long|null} [samples] Journal samples
             * @property {number|Long|null} [bytes] Journal bytes
             * @property {boolean|null} [degraded] Journal degraded
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Journal.
             * @memberof sluice.v1
             * @interface IJournal
             * @augments sluice.v1.Journal.$Properties
             * @deprecated Use sluice.v1.Journal.$Properties instead.
             */

            /**
             * Shape of a Journal.
             * @typedef {sluice.v1.Journal.$Properties} sluice.v1.Journal.$Shape
             */

            /**
             * Constructs a new Journal.
             * @memberof sluice.v1
             * @classdesc Represents a Journal.
             * @constructor
             * @param {sluice.v1.Journal.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Journal = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Journal fromMs.
             * @member {number|Long|null|undefined} fromMs
             * @memberof sluice.v1.Journal
             * @instance
             */
            Journal.prototype.fromMs = null;

            /**
             * Journal samples.
             * @member {number|Long} samples
             * @memberof sluice.v1.Journal
             * @instance
             */
            Journal.prototype.samples = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Journal bytes.
             * @member {number|Long} bytes
             * @memberof sluice.v1.Journal
             * @instance
             */
            Journal.prototype.bytes = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Journal degraded.
             * @member {boolean} degraded
             * @memberof sluice.v1.Journal
             * @instance
             */
            Journal.prototype.degraded = false;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Journal.prototype, "_fromMs", {
                get: $util.oneOfGetter($oneOfFields = ["fromMs"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Journal instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Journal
             * @static
             * @param {sluice.v1.Journal.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Journal} Journal instance
             * @type {{
             *   (properties: sluice.v1.Journal.$Shape): sluice.v1.Journal & sluice.v1.Journal.$Shape;
             *   (properties?: sluice.v1.Journal.$Properties): sluice.v1.Journal;
             * }}
             */
            Journal.create = function(properties) {
                return new Journal(properties);
            };

            /**
             * Encodes the specified Journal message. Does not implicitly {@link sluice.v1.Journal.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Journal
             * @static
             * @param {sluice.v1.Journal.$Properties} message Journal message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Journal.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.fromMs != null && $Object.hasOwnProperty.call(message, "fromMs"))
                    writer.uint32(/* id 1, wireType 0 =*/8).uint64(message.fromMs);
                if (message.samples != null && $Object.hasOwnProperty.call(message, "samples") && (typeof message.samples === "object" ? message.samples.low || message.samples.high : message.samples !== 0))
                    writer.uint32(/* id 2, wireType 0 =*/16).uint64(message.samples);
                if (message.bytes != null && $Object.hasOwnProperty.call(message, "bytes") && (typeof message.bytes === "object" ? message.bytes.low || message.bytes.high : message.bytes !== 0))
                    writer.uint32(/* id 3, wireType 0 =*/24).uint64(message.bytes);
                if (message.degraded != null && $Object.hasOwnProperty.call(message, "degraded") && message.degraded !== false)
                    writer.uint32(/* id 4, wireType 0 =*/32).bool(message.degraded);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Journal message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Journal
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Journal & sluice.v1.Journal.$Shape} Journal
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Journal.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Journal();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 0)
                                break;
                            message.fromMs = reader.uint64();
                            message._fromMs = "fromMs";
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.samples = value;
                            else
                                delete message.samples;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.bytes = value;
                            else
                                delete message.bytes;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.bool())
                                message.degraded = value;
                            else
                                delete message.degraded;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Journal;
        })();

        v1.Source = (function() {

            /**
             * Properties of a Source.
             * @typedef {Object} sluice.v1.Source.$Properties
             * @property {string|null} [name] Source name
             * @property {sluice.v1.Protocol|null} [protocol] Source protocol
             * @property {sluice.v1.SourceState|null} [state] Source state
             * @property {number|Long|null} [lastPollTime] Source lastPollTime
             * @property {number|Long|null} [pollsOk] Source pollsOk
             * @property {number|Long|null} [pollsError] Source pollsError
             * @property {number|Long|null} [overruns] Source overruns
             * @property {string|null} [lastError] Source lastError
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Source.
             * @memberof sluice.v1
             * @interface ISource
             * @augments sluice.v1.Source.$Properties
             * @deprecated Use sluice.v1.Source.$Properties instead.
             */

            /**
             * Shape of a Source.
             * @typedef {sluice.v1.Source.$Properties} sluice.v1.Source.$Shape
             */

            /**
             * Constructs a new Source.
             * @memberof sluice.v1
             * @classdesc Represents a Source.
             * @constructor
             * @param {sluice.v1.Source.$Properties=} [properties] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Source = function (properties) {
                if (properties)
                    for (let keys = $Object.keys(properties), i = 0; i < keys.length; ++i)
                        if (properties[keys[i]] != null && keys[i] !== "__proto__")
                            this[keys[i]] = properties[keys[i]];
            };

            /**
             * Source name.
             * @member {string} name
             * @memberof sluice.v1.Source
             * @instance
             */
            Source.prototype.name = "";

            /**
             * Source protocol.
             * @member {sluice.v1.Protocol} protocol
             * @memberof sluice.v1.Source
             * @instance
             */
            Source.prototype.protocol = 0;

            /**
             * Source state.
             * @member {sluice.v1.SourceState} state
             * @memberof sluice.v1.Source
             * @instance
             */
            Source.prototype.state = 0;

            /**
             * Source lastPollTime.
             * @member {number|Long|null|undefined} lastPollTime
             * @memberof sluice.v1.Source
             * @instance
             */
            Source.prototype.lastPollTime = null;

            /**
             * Source pollsOk.
             * @member {number|Long} pollsOk
             * @memberof sluice.v1.Source
             * @instance
             */
            Source.prototype.pollsOk = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Source pollsError.
             * @member {number|Long} pollsError
             * @memberof sluice.v1.Source
             * @instance
             */
            Source.prototype.pollsError = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Source overruns.
             * @member {number|Long} overruns
             * @memberof sluice.v1.Source
             * @instance
             */
            Source.prototype.overruns = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Source lastError.
             * @member {string} lastError
             * @memberof sluice.v1.Source
             * @instance
             */
            Source.prototype.lastError = "";

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            // Virtual OneOf for proto3 optional field
            $Object.defineProperty(Source.prototype, "_lastPollTime", {
                get: $util.oneOfGetter($oneOfFields = ["lastPollTime"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new Source instance using the specified properties.
             * @function create
             * @memberof sluice.v1.Source
             * @static
             * @param {sluice.v1.Source.$Properties=} [properties] Properties to set
             * @returns {sluice.v1.Source} Source instance
             * @type {{
             *   (properties: sluice.v1.Source.$Shape): sluice.v1.Source & sluice.v1.Source.$Shape;
             *   (properties?: sluice.v1.Source.$Properties): sluice.v1.Source;
             * }}
             */
            Source.create = function(properties) {
                return new Source(properties);
            };

            /**
             * Encodes the specified Source message. Does not implicitly {@link sluice.v1.Source.verify|verify} messages.
             * @function encode
             * @memberof sluice.v1.Source
             * @static
             * @param {sluice.v1.Source.$Properties} message Source message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Source.encode = function (message, writer, _depth) {
                if (!writer)
                    writer = $Writer.create();
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (message.name != null && $Object.hasOwnProperty.call(message, "name") && message.name !== "")
                    writer.uint32(/* id 1, wireType 2 =*/10).string(message.name);
                if (message.protocol != null && $Object.hasOwnProperty.call(message, "protocol") && message.protocol !== 0)
                    writer.uint32(/* id 2, wireType 0 =*/16).int32(message.protocol);
                if (message.state != null && $Object.hasOwnProperty.call(message, "state") && message.state !== 0)
                    writer.uint32(/* id 3, wireType 0 =*/24).int32(message.state);
                if (message.lastPollTime != null && $Object.hasOwnProperty.call(message, "lastPollTime"))
                    writer.uint32(/* id 4, wireType 0 =*/32).uint64(message.lastPollTime);
                if (message.pollsOk != null && $Object.hasOwnProperty.call(message, "pollsOk") && (typeof message.pollsOk === "object" ? message.pollsOk.low || message.pollsOk.high : message.pollsOk !== 0))
                    writer.uint32(/* id 5, wireType 0 =*/40).uint64(message.pollsOk);
                if (message.pollsError != null && $Object.hasOwnProperty.call(message, "pollsError") && (typeof message.pollsError === "object" ? message.pollsError.low || message.pollsError.high : message.pollsError !== 0))
                    writer.uint32(/* id 6, wireType 0 =*/48).uint64(message.pollsError);
                if (message.overruns != null && $Object.hasOwnProperty.call(message, "overruns") && (typeof message.overruns === "object" ? message.overruns.low || message.overruns.high : message.overruns !== 0))
                    writer.uint32(/* id 7, wireType 0 =*/56).uint64(message.overruns);
                if (message.lastError != null && $Object.hasOwnProperty.call(message, "lastError") && message.lastError !== "")
                    writer.uint32(/* id 8, wireType 2 =*/66).string(message.lastError);
                if (message.$unknowns != null && $Object.hasOwnProperty.call(message, "$unknowns"))
                    for (let i = 0; i < message.$unknowns.length; ++i)
                        writer.raw(message.$unknowns[i]);
                return writer;
            };

            /**
             * Decodes a Source message from the specified reader or buffer.
             * @function decode
             * @memberof sluice.v1.Source
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @param {number} [length] Message length if known beforehand
             * @returns {sluice.v1.Source & sluice.v1.Source.$Shape} Source
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Source.decode = function (reader, length, _end, _depth, _target) {
                if (!(reader instanceof $Reader))
                    reader = $Reader.create(reader);
                if (_depth === $undefined)
                    _depth = 0;
                if (_depth > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                let end, message, value;
                if (length === $undefined)
                    end = reader.len;
                else {
                    end = reader.pos + length;
                    if (end > reader.len)
                        throw $RangeError("index out of range");
                    length = reader.len;
                    reader.len = end;
                }
                message = _target || new $root.sluice.v1.Source();
                while (reader.pos < end) {
                    let start = reader.pos;
                    let tag = reader.tag();
                    if (tag === _end) {
                        _end = $undefined;
                        break;
                    }
                    let wireType = tag & 7;
                    switch (tag >>>= 3) {
                    case 1: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.name = value;
                            else
                                delete message.name;
                            continue;
                        }
                    case 2: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.protocol = value;
                            else
                                delete message.protocol;
                            continue;
                        }
                    case 3: {
                            if (wireType !== 0)
                                break;
                            if (value = reader.int32())
                                message.state = value;
                            else
                                delete message.state;
                            continue;
                        }
                    case 4: {
                            if (wireType !== 0)
                                break;
                            message.lastPollTime = reader.uint64();
                            message._lastPollTime = "lastPollTime";
                            continue;
                        }
                    case 5: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.pollsOk = value;
                            else
                                delete message.pollsOk;
                            continue;
                        }
                    case 6: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.pollsError = value;
                            else
                                delete message.pollsError;
                            continue;
                        }
                    case 7: {
                            if (wireType !== 0)
                                break;
                            if (typeof (value = reader.uint64()) === "object" ? value.low || value.high : value !== 0)
                                message.overruns = value;
                            else
                                delete message.overruns;
                            continue;
                        }
                    case 8: {
                            if (wireType !== 2)
                                break;
                            if ((value = reader.stringVerify()).length)
                                message.lastError = value;
                            else
                                delete message.lastError;
                            continue;
                        }
                    }
                    reader.skipType(wireType, _depth, tag);
                    if (!reader.discardUnknown) {
                        $util.makeProp(message, "$unknowns", false);
                        (message.$unknowns || (message.$unknowns = [])).push(reader.raw(start, reader.pos));
                    }
                }
                if (length !== $undefined) {
                    if (reader.pos !== end)
                        throw $RangeError("index out of range");
                    reader.len = length;
                }
                if (_end !== $undefined)
                    throw $Error("missing end group");
                return message;
            };

            return Source;
        })();

        /**
         * Protocol enum.
         * @name sluice.v1.Protocol
         * @enum {number}
         * @property {number} PROTOCOL_UNSPECIFIED=0 PROTOCOL_UNSPECIFIED value
         * @property {number} PROTOCOL_MODBUS=1 PROTOCOL_MODBUS value
         * @property {number} PROTOCOL_S7=2 PROTOCOL_S7 value
         * @property {number} PROTOCOL_ENIP=3 PROTOCOL_ENIP value
         * @property {number} PROTOCOL_OPCUA=4 PROTOCOL_OPCUA value
         */
        v1.Protocol = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "PROTOCOL_UNSPECIFIED"] = 0;
            values[valuesById[1] = "PROTOCOL_MODBUS"] = 1;
            values[valuesById[2] = "PROTOCOL_S7"] = 2;
            values[valuesById[3] = "PROTOCOL_ENIP"] = 3;
            values[valuesById[4] = "PROTOCOL_OPCUA"] = 4;
            return values;
        })();

        /**
         * SourceState enum.
         * @name sluice.v1.SourceState
         * @enum {number}
         * @property {number} SOURCE_STATE_UNSPECIFIED=0 SOURCE_STATE_UNSPECIFIED value
         * @property {number} SOURCE_STATE_CONNECTING=1 SOURCE_STATE_CONNECTING value
         * @property {number} SOURCE_STATE_UP=2 SOURCE_STATE_UP value
         * @property {number} SOURCE_STATE_DEGRADED=3 SOURCE_STATE_DEGRADED value
         * @property {number} SOURCE_STATE_BACKOFF=4 SOURCE_STATE_BACKOFF value
         * @property {number} SOURCE_STATE_DOWN=5 SOURCE_STATE_DOWN value
         */
        v1.SourceState = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "SOURCE_STATE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "SOURCE_STATE_CONNECTING"] = 1;
            values[valuesById[2] = "SOURCE_STATE_UP"] = 2;
            values[valuesById[3] = "SOURCE_STATE_DEGRADED"] = 3;
            values[valuesById[4] = "SOURCE_STATE_BACKOFF"] = 4;
            values[valuesById[5] = "SOURCE_STATE_DOWN"] = 5;
            return values;
        })();

        return v1;
    })();

    return sluice;
})();

export {
  $root as default
};
